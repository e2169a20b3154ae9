/**
 * The Content-Security-Policy nonce of the page being rendered on the server (entry.server.tsx provides
 * it). In the browser it is empty: browsers hide nonces from scripts, and hydration does not need it.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
