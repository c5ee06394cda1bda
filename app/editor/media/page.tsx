import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MediaGrid } from "@/components/media/media-grid";
import { MediaUploadForm } from "@/components/media/upload-form";
import { Pagination } from "@/components/pagination";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listMedia } from "@/lib/media/library";
import { toMediaCard } from "@/lib/media/view";
import { parsePage } from "@/lib/pagination";
import { listEditorStories } from "@/lib/stories/editor-reads";
import { uploadMediaAction } from "./actions";

export const metadata: Metadata = { title: "Media library" };

type Props = { searchParams: Promise<{ page?: string | string[]; q?: string | string[] }> };

export default async function MediaLibraryPage({ searchParams }: Props) {
  const user = await requirePageUser("contributor");
  const params = await searchParams;
  const page = parsePage(params.page);
  if (page === null) notFound();
  const q = typeof params.q === "string" ? params.q : "";
  const library = await listMedia({ page, q }, user);
  const stories = (await listEditorStories(user, { limit: 100 })).map((s) => ({ id: s.id, title: s.title }));
  const seesAll = can(user, "media.manage");

  return (
    <>
      <h1>Media library</h1>
      <p>{seesAll ? "All images uploaded by anyone." : "Images you have uploaded. You can upload images for your own stories."}</p>

      <section className="section" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload an image</h2>
        <div className="narrow">
          <MediaUploadForm action={uploadMediaAction} stories={stories} />
        </div>
      </section>

      <section className="section" aria-labelledby="library-heading">
        <div className="section__head">
          <h2 id="library-heading">Images</h2>
          <p className="meta" role="status">
            {library.total === 1 ? "1 image" : `${library.total} images`}
            {library.q ? ` matching “${library.q}”` : ""}
          </p>
        </div>
        <form method="get" action="/editor/media" role="search" className="media-search">
          <label htmlFor="media-q">Search alt text, captions, credits and licences</label>
          <input type="search" id="media-q" name="q" defaultValue={library.q} />
          <button type="submit">Search</button>
        </form>
        {library.items.length > 0 ? (
          <MediaGrid items={library.items.map(toMediaCard)} />
        ) : (
          <p>{library.q ? "No images match your search." : "No images yet."}</p>
        )}
        <Pagination page={library.page} totalPages={library.pageCount} basePath="/editor/media" query={{ q: library.q || undefined }} label="Media library pages" />
      </section>
    </>
  );
}
