export const CSRF_COOKIE = "tex4im_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

/** The double-submit token the gateway set at sign-in in a readable cookie. */
export function readCsrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}
