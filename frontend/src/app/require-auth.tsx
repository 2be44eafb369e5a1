import { Navigate, useLocation } from "react-router";

import { AppShell } from "@/app/shell/app-shell";
import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useMe } from "@/features/auth/api/get-me";

/** Signed-in pages: the shell for a user, /login?next=<this page> for anyone else. */
export function AuthenticatedLayout() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <div className="centered">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="centered">
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const to = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <AppShell me={me.data} />;
}
