import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { safeEditorPath } from "@/lib/auth/redirect";
import { currentSessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = params.next ?? params.callbackUrl;
  const next = safeEditorPath(Array.isArray(raw) ? raw[0] : raw);
  if (await currentSessionUser()) redirect(next);
  const { siteName, mediaEmail } = config();
  return (
    <>
      <SiteHeader siteName={siteName} />
      <main id="main" tabIndex={-1} className="site-main container narrow">
        <h1>Staff sign-in</h1>
        <p>Sign in to write and publish stories in the {siteName} newsroom.</p>
        <LoginForm action={signInAction} next={next} />
        <p className="meta">Forgotten your password? Ask a newsroom administrator to reset it.</p>
      </main>
      <SiteFooter siteName={siteName} mediaEmail={mediaEmail} />
    </>
  );
}
