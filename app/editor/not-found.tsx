import Link from "next/link";

/** Shown inside the editor shell for a missing record or a page this role may not open. */
export default function EditorNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>This page does not exist, or your account does not have access to it.</p>
      <p>
        <Link href="/editor">Back to the dashboard</Link>
      </p>
    </>
  );
}
