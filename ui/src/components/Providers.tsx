// What every screen runs inside: the query layer's cache (lib/queries.ts) and the toasts. The app and the component
// tests use the same providers.
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { createQueryClient } from "../lib/queries";
import { ToastProvider } from "./Toasts";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
