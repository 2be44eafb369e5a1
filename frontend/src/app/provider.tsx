import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";

import { meQueryKey } from "@/features/auth/api/get-me";
import { onSessionExpired } from "@/lib/api-client";
import { i18n } from "@/lib/i18n";
import { createQueryClient } from "@/lib/query-client";

type AppProviderProps = { children: ReactNode; queryClient?: QueryClient };

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());

  // the refresh failed: forget the user; the auth guard then sends them to /login?next=...
  useEffect(() => onSessionExpired(() => client.setQueryData(meQueryKey, null)), [client]);

  return (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </QueryClientProvider>
  );
}
