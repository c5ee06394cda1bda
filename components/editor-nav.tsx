"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Role = "contributor" | "editor" | "admin";
const rank: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

export const editorNavigation: { href: string; label: string; min: Role }[] = [
  { href: "/editor", label: "Dashboard", min: "contributor" },
  { href: "/editor/stories", label: "Stories", min: "contributor" },
  { href: "/editor/media", label: "Media", min: "contributor" },
  { href: "/editor/people", label: "Experts", min: "contributor" },
  { href: "/editor/events", label: "Events", min: "editor" },
  { href: "/editor/open-days", label: "Open days", min: "editor" },
  { href: "/editor/promos", label: "Promos", min: "editor" },
  { href: "/editor/comments", label: "Comments", min: "editor" },
  { href: "/editor/users", label: "Users", min: "admin" },
  { href: "/editor/audit", label: "Audit log", min: "admin" },
];

/** The editor's menu; items a role cannot use are not shown (the server refuses them anyway). */
export function EditorNav({ role }: { role: Role }) {
  const pathname = usePathname();
  const items = editorNavigation.filter((item) => rank[role] >= rank[item.min]);
  return (
    <nav aria-label="Editor" className="editor-nav">
      <ul>
        {items.map((item) => {
          const current = item.href === "/editor" ? pathname === "/editor" : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
