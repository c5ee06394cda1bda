import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MediaDetailsForm } from "@/components/media/details-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/dates";
import { bestImageUrl, figureMarkdown } from "@/lib/media/figure";
import { getMedia } from "@/lib/media/library";
import { dateInputValue, rightsNote } from "@/lib/media/view";
import { updateMediaAction } from "../actions";

export const metadata: Metadata = { title: "Image details" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ uploaded?: string }> };

export default async function MediaDetailsPage({ params, searchParams }: Props) {
  const user = await requirePageUser("contributor");
  const { id: raw } = await params;
  const { uploaded } = await searchParams;
  if (!/^[1-9]\d{0,9}$/.test(raw)) notFound();
  // Someone else's upload is "not found" for a contributor: ids are not a way in.
  const item = await getMedia(Number(raw), user);
  if (!item) notFound();
  const rights = rightsNote(item.rightsExpireAt);
  const preview = [...item.variants].sort((a, b) => a.width - b.width).find((v) => v.width >= 480) ?? { url: item.url, width: item.width };
  const markdown = figureMarkdown({ url: bestImageUrl(item), altText: item.altText, caption: item.caption, credit: item.credit });

  return (
    <>
      <p>
        <Link href="/editor/media">Back to the media library</Link>
      </p>
      <h1>Image details</h1>
      {uploaded ? (
        <div className="notice notice--success" role="status">
          <p>The image has been uploaded.</p>
        </div>
      ) : null}
      <div className="media-detail">
        <figure className="figure">
          {/* eslint-disable-next-line @next/next/no-img-element -- a resized WebP variant */}
          <img src={preview.url} alt={item.altText} width={preview.width} height={Math.round((item.height * preview.width) / item.width)} />
          {item.caption || item.credit ? (
            <figcaption>
              {item.caption} {item.credit ? <span className="credit">{item.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
        <dl className="media-detail__facts">
          <dt>Size</dt>
          <dd>
            {item.width} × {item.height} pixels, {(item.bytes / 1024 / 1024).toFixed(2)} MB ({item.mimeType})
          </dd>
          <dt>Uploaded</dt>
          <dd>{formatDateTime(item.createdAt)}</dd>
          <dt>Original</dt>
          <dd>
            <a href={item.url}>{item.url}</a>
          </dd>
          {rights.text ? (
            <>
              <dt>Rights</dt>
              <dd className={rights.expired ? "field-error" : undefined}>{rights.text}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <h2>Use it in a story</h2>
      <p>Copy this into the story body to show the image as a figure with its caption and credit:</p>
      <pre className="media-detail__markdown"><code>{markdown}</code></pre>
      <h2>Edit details</h2>
      <div className="narrow">
        <MediaDetailsForm
          action={updateMediaAction.bind(null, item.id)}
          values={{ altText: item.altText, caption: item.caption, credit: item.credit, licence: item.licence, rightsExpireAt: dateInputValue(item.rightsExpireAt) }}
        />
      </div>
    </>
  );
}
