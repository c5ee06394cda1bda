import { formatDayDate, formatTime, isoDateTime } from "@/lib/dates";

export type OpenDayCardData = {
  slug: string;
  title: string;
  level: string;
  campus: string;
  startsAt: number;
  endsAt: number;
  placesLeft: number;
  full: boolean;
};

export const levelLabel = (level: string) => (level === "postgraduate" ? "Postgraduate" : "Undergraduate");

export function placesText(placesLeft: number): string {
  return placesLeft === 1 ? "1 place left" : `${placesLeft} places left`;
}

/** One open day in the finder: date, campus, level and places left, or the waiting list when full. */
export function OpenDayCard({ day }: { day: OpenDayCardData }) {
  return (
    <li className="card open-day-card">
      <p className="type-label">{levelLabel(day.level)} open day</p>
      <h3>
        <a href={`/open-days/${day.slug}`}>{day.title}</a>
      </h3>
      <p>
        <time dateTime={isoDateTime(day.startsAt)}>{formatDayDate(day.startsAt)}</time>, {formatTime(day.startsAt)}–{formatTime(day.endsAt)}
      </p>
      <p className="meta">{day.campus}</p>
      {day.full ? (
        <p>
          <strong>Full.</strong> <a href={`/open-days/${day.slug}#register`}>Join the waiting list<span className="visually-hidden"> for {day.title}</span></a>
        </p>
      ) : (
        <p>
          <strong>{placesText(day.placesLeft)}</strong> · <a href={`/open-days/${day.slug}#register`}>Register<span className="visually-hidden"> for {day.title}</span></a>
        </p>
      )}
    </li>
  );
}
