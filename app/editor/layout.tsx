import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EditorNav } from "@/components/editor-nav";
import { signOutAction } from "@/app/login/actions";
import { currentSessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";

export const metadata: Metadata = {
  title: { default: "Editor", template: "%s | Editor" },
  robots: { index: false, follow: false, nocache: true },
};

const roleLabel = { contributor: "Contributor", editor: "Editor", admin: "Administrator" } as const;

/**
 * The signed-in shell. The proxy's redirect is only a convenience: this
 * checks the session against the database, and each page and action checks
 * its own role as well.
 */
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const user = await currentSessionUser();
  if (!user) redirect("/login");
  const { siteName } = config();
  return (
    <>
      <header className="editor-header">
        <div className="container editor-header__inner">
          <Link href="/editor" className="editor-header__brand">
            {siteName} <span>Newsroom editor</span>
          </Link>
          <div className="editor-header__user">
            <span>
              Signed in as <strong>{user.name}</strong> ({roleLabel[user.role]})
            </span>
            <form action={signOutAction}>
              <button type="submit" className="button button--secondary">Sign out</button>
            </form>
          </div>
        </div>
        <div className="container">
          <EditorNav role={user.role} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="editor-main container">
        {children}
      </main>
    </>
  );
}
