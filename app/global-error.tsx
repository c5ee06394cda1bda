"use client";

import Link from "next/link";

export default function GlobalError() {
  return (
    <html lang="en-GB">
      <body>
        <main id="main" style={{ maxWidth: "40rem", margin: "2rem auto", fontFamily: "system-ui, sans-serif", padding: "0 1rem" }}>
          <h1>Something went wrong</h1>
          <p>Sorry, the newsroom could not show this page. Please try again shortly.</p>
          <p><Link href="/">Go to the home page</Link></p>
        </main>
      </body>
    </html>
  );
}
