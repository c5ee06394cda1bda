import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { config } from "@/lib/config";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { siteName, siteUrl } = config();
  return {
    metadataBase: new URL(siteUrl),
    title: { default: `${siteName} Newsroom`, template: `%s | ${siteName} Newsroom` },
    description: `News, features, expert comment and events from the ${siteName}.`,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, 404s included: a page built ahead of time has no CSP nonce on
  // Next's inline scripts, which the Content-Security-Policy (proxy.ts) would then block.
  await connection();
  const { colours } = config();
  const style = { "--colour-primary": colours.primary, "--colour-accent": colours.accent } as React.CSSProperties;
  return (
    <html lang="en-GB" style={style}>
      <body id="top">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
