import type { Metadata } from "next";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Privacy notice" };

/** What happens to the personal data the public gives us (open-day registrations and comments). */
export default function PrivacyPage() {
  const { siteName, mediaEmail, registrationRetentionDays } = config();
  return (
    <div className="container narrow prose-page">
      <h1>Privacy notice</h1>
      <p className="standfirst">How {siteName} uses the details you give us when you register for an open day.</p>
      <h2>What we collect</h2>
      <ul>
        <li>your name and e-mail address;</li>
        <li>the level and subject you are interested in;</li>
        <li>how many guests are coming with you and which sessions you chose;</li>
        <li>any access needs you tell us about (optional);</li>
        <li>when you registered or changed your booking.</li>
      </ul>
      <p>We also keep a record of the network (IP) address a form was sent from, for a short time, to stop abuse.</p>
      <h2>Why we use it</h2>
      <p>
        Only to run the open day: to confirm your place, send you your programme, a reminder the day before and news of a place becoming free if you
        are on the waiting list, and to plan rooms, staff and any support you asked for. We do not use it for marketing and we do not sell or share it.
      </p>
      <h2>Who can see it</h2>
      <p>
        Only the university staff who run open days (our editors and administrators) can see registrations. You can see, change or cancel your own
        booking with the private link in your confirmation e-mail.
      </p>
      <h2>How long we keep it</h2>
      <p>
        Registrations are deleted automatically {registrationRetentionDays} days after the open day they were for. If you cancel, your registration is
        kept (marked cancelled) until then, so we can answer questions about it, and then deleted.
      </p>
      <h2>Your rights</h2>
      <p>
        You can ask for a copy of your details, ask us to correct them or delete them earlier, or object to how we use them, by e-mailing{" "}
        <a href={`mailto:${mediaEmail}`}>{mediaEmail}</a>.
      </p>
    </div>
  );
}
