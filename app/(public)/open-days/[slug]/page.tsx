import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { levelLabel, placesText } from "@/components/open-days/open-day-card";
import { ProgrammeTable } from "@/components/open-days/programme-table";
import { RegistrationForm } from "@/components/open-days/registration-form";
import { formatDayDate, formatTime, isoDateTime } from "@/lib/dates";
import { getOpenDayBySlug, listSubjects } from "@/lib/open-days/public";
import { registerAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const day = await getOpenDayBySlug((await params).slug);
  return day ? { title: day.title, description: day.summary || `${levelLabel(day.level)} open day at ${day.campus}` } : {};
}

export default async function OpenDayPage({ params }: Props) {
  const { slug } = await params;
  const day = await getOpenDayBySlug(slug);
  if (!day) notFound();
  const subjects = day.subjects.length ? day.subjects : await listSubjects();
  return (
    <article className="container open-day">
      <p className="type-label">{levelLabel(day.level)} open day</p>
      <h1>{day.title}</h1>
      <p className="standfirst">
        <time dateTime={isoDateTime(day.startsAt)}>{formatDayDate(day.startsAt)}</time>, {formatTime(day.startsAt)}–{formatTime(day.endsAt)} · {day.campus}
      </p>
      {day.summary && <p>{day.summary}</p>}
      {day.subjects.length > 0 && <p className="meta">Subjects: {day.subjects.join(", ")}</p>}

      <section className="section" aria-labelledby="programme-heading">
        <div className="section__head">
          <h2 id="programme-heading">Programme</h2>
        </div>
        <ProgrammeTable sessions={day.sessions} caption={`Sessions on ${formatDayDate(day.startsAt)}`} />
      </section>

      {day.travelInfo && (
        <section className="section" aria-labelledby="travel-heading">
          <div className="section__head">
            <h2 id="travel-heading">Travel and accessibility</h2>
          </div>
          <Markdown source={day.travelInfo} />
        </section>
      )}

      <section className="section narrow" aria-labelledby="register" id="register-section">
        <div className="section__head">
          <h2 id="register" tabIndex={-1}>
            {day.bookable && day.full ? "Join the waiting list" : "Register"}
          </h2>
        </div>
        {day.bookable ? (
          <>
            <p>{day.full ? "This open day is full. Register to join the waiting list: we will e-mail you if a place becomes free." : `${placesText(day.placesLeft)}.`}</p>
            <RegistrationForm
              action={registerAction.bind(null, day.slug)}
              defaultLevel={day.level}
              subjects={subjects}
              sessions={day.sessions.map((s) => ({
                id: s.id,
                label: `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}: ${s.title}${s.room ? `, ${s.room}` : ""}`,
                full: s.full,
              }))}
            />
          </>
        ) : (
          <p className="notice">
            Registration for this open day is closed. <a href={`/open-days?level=${day.level}`}>Find another open day</a>.
          </p>
        )}
      </section>
    </article>
  );
}
