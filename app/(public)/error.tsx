"use client";


export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container narrow">
      <h1>Something went wrong</h1>
      <p>Sorry, this page could not be shown just now. Please try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{" "}
        <a href="/">Go to the home page</a>
      </p>
    </div>
  );
}
