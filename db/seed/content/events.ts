/**
 * Twenty demo events. Days are offsets from today (in the site's zone) so
 * there are always past, current and upcoming events; times are local.
 */
export type EventSeed = {
  title: string;
  summary: string;
  detail: string;
  category: "Lecture" | "Exhibition" | "Concert" | "Workshop" | "Sport" | "Public talk";
  campus: "City campus" | "Riverside campus";
  venue: string;
  day: number;
  /** Last day, for events spanning several days. */
  endDay?: number;
  /** Omitted for all-day events. */
  start?: string;
  end?: string;
  booking: boolean;
  free: boolean;
};

export const EVENTS: EventSeed[] = [
  { title: "Inaugural lecture: Rivers that remember", category: "Lecture", campus: "City campus", venue: "Great Hall", day: -60, start: "18:00", end: "19:30", booking: true, free: true,
    summary: "Professor Ruth Calloway on what twenty years of measuring upland rivers has taught her about floods.",
    detail: "Professor Calloway traces how the rivers of the northern uplands have changed, and what communities can do to live with wetter winters. A drinks reception follows." },
  { title: "Winter concert: University Wind Orchestra", category: "Concert", campus: "City campus", venue: "Great Hall", day: -45, start: "19:30", end: "21:30", booking: true, free: false,
    summary: "A festive programme of marches, film music and a new work by a Harrowgate student.",
    detail: "Conducted by Dr Marcus Hale, the orchestra's winter programme ranges from traditional marches to film scores. Tickets £8, students £4." },
  { title: "Data for Good conference", category: "Workshop", campus: "Riverside campus", venue: "The Hub, Riverside", day: -30, endDay: -28, start: "09:00", end: "17:00", booking: true, free: false,
    summary: "Three days of talks and workshops for people using data in charities, councils and community groups.",
    detail: "Practitioners and researchers share practical methods for using data fairly and well. Sessions include open data, evaluation on a budget and explaining automated decisions." },
  { title: "Mill town memories: an evening of recordings", category: "Public talk", campus: "City campus", venue: "Harrowgate Town Museum", day: -21, start: "18:30", end: "20:00", booking: false, free: true,
    summary: "Listen to voices from the new oral history archive, introduced by the historians who recorded them.",
    detail: "Professor Amara Bello and volunteers from the oral history project play extracts from the archive and talk about how they were gathered." },
  { title: "Harrowgate 10k campus run", category: "Sport", campus: "Riverside campus", venue: "Riverside Sports Park", day: -14, start: "09:30", end: "12:00", booking: true, free: false,
    summary: "A flat, fast route along the river path, open to students, staff and the public.",
    detail: "The route follows the river path and loops through Riverside campus. Entry £10, with proceeds going to the Students' Union hardship fund." },
  { title: "Write your own health message", category: "Workshop", campus: "City campus", venue: "Health Building, Room 2.14", day: -9, start: "14:00", end: "16:00", booking: true, free: true,
    summary: "A hands-on session on writing clear, respectful health information with and for your community.",
    detail: "Dr Priya Natarajan leads a practical workshop for community groups, with examples from the screening letter trial." },
  { title: "The Victorian reading revolution", category: "Lecture", campus: "City campus", venue: "Arts Building, Lecture Theatre 2", day: -5, start: "18:00", end: "19:00", booking: false, free: true,
    summary: "Dr Eleanor Fitch on what the town's library ledgers reveal about Victorian reading habits.",
    detail: "Drawing on forty years of borrowing records, Dr Fitch shows who read what in Victorian Harrowgate, and why the bestsellers are now forgotten." },
  { title: "Lunchtime recital: the Calder String Quartet", category: "Concert", campus: "City campus", venue: "St Anne's Chapel", day: -2, start: "13:10", end: "13:50", booking: false, free: true,
    summary: "Forty minutes of Haydn and a new piece by a postgraduate composer.",
    detail: "The university's quartet in residence plays a short lunchtime programme. Bring your lunch; no ticket needed." },
  { title: "Rivers of the North: a photography exhibition", category: "Exhibition", campus: "Riverside campus", venue: "Gallery at the Hub", day: -1, endDay: 3, booking: false, free: true,
    summary: "Photographs of the region's rivers in flood and drought, taken by researchers and volunteers.",
    detail: "Forty images chosen from more than two thousand submitted by the river volunteers, shown with the stories behind them. Open daily." },
  { title: "Ask a nurse: staying well at home", category: "Public talk", campus: "City campus", venue: "Health Building, Atrium", day: 2, start: "14:00", end: "15:30", booking: false, free: true,
    summary: "Community nurses answer your questions about staying healthy and independent at home.",
    detail: "Professor Janet McBride and members of local district nursing teams offer practical advice and answer questions from carers and families." },
  { title: "Algorithms and fairness: who decides?", category: "Lecture", campus: "City campus", venue: "Great Hall", day: 5, start: "18:00", end: "19:30", booking: true, free: true,
    summary: "Dr Nadia Osei asks how automated decisions can be made open to challenge.",
    detail: "Drawing on work with three councils, Dr Osei explains what fair and explainable systems look like in practice, followed by questions from the audience." },
  { title: "Varsity day: Harrowgate v Eastmoor", category: "Sport", campus: "Riverside campus", venue: "Riverside Sports Park", day: 8, booking: false, free: true,
    summary: "A full day of fixtures against our neighbours, from rugby and netball to rowing on the river.",
    detail: "Come and support the Harrowgate teams. Fixtures run throughout the day, with the rowing races on the river in the afternoon." },
  { title: "Bee-friendly gardening workshop", category: "Workshop", campus: "Riverside campus", venue: "Riverside Botanic Garden", day: 12, start: "10:00", end: "12:30", booking: true, free: true,
    summary: "Learn which plants help pollinators and how to take part in the garden survey.",
    detail: "Dr Hannah Lindqvist shares results from the pollinator survey and shows how to make a small space useful to insects. Places are limited." },
  { title: "Spring choral concert", category: "Concert", campus: "City campus", venue: "Great Hall", day: 15, start: "19:30", end: "21:30", booking: true, free: false,
    summary: "The University Chorus and Chamber Choir sing music for spring, old and new.",
    detail: "A programme of choral music spanning five centuries, including a new setting of a poem by a Harrowgate student. Tickets £10, students £5." },
  { title: "Bridges that listen", category: "Lecture", campus: "Riverside campus", venue: "Engineering Building, Lecture Theatre 1", day: 19, start: "18:00", end: "19:15", booking: false, free: true,
    summary: "Dr Tomasz Wilk on the sensors that hear cracks forming inside old bridges.",
    detail: "A public lecture on keeping ageing infrastructure safe, with a demonstration of the sensors used on the Ashby viaduct." },
  { title: "Harrowgate Festival of Ideas", category: "Public talk", campus: "City campus", venue: "Venues across City campus", day: 24, endDay: 26, booking: false, free: true,
    summary: "Three days of free talks, debates and family activities with researchers from every faculty.",
    detail: "The festival brings the university's research to the city centre with short talks, debates, hands-on science and music. Most events are drop-in." },
  { title: "Your rights as a renter: drop-in workshop", category: "Workshop", campus: "City campus", venue: "Law School, Clinic Room", day: 30, start: "17:30", end: "19:00", booking: false, free: true,
    summary: "Free advice on deposits, repairs and tenancy agreements from the Law School advice clinic.",
    detail: "Supervised law students explain tenants' rights in plain English and help with letters to landlords. No appointment needed." },
  { title: "The four-day week: lessons from the county trial", category: "Public talk", campus: "City campus", venue: "Business School, Room G.01", day: 38, start: "12:30", end: "13:30", booking: false, free: true,
    summary: "Dr Chloe Maddox presents the findings of the county's four-day week trial.",
    detail: "A lunchtime talk on what changed for the twenty-two employers who took part, and what others can learn from them." },
  { title: "Summer school in oral history", category: "Workshop", campus: "City campus", venue: "History Building, Seminar Room 3", day: 45, endDay: 47, start: "10:00", end: "16:00", booking: true, free: false,
    summary: "A three-day course in planning, recording and archiving oral history interviews.",
    detail: "Led by the team behind the mill town archive, the course covers interview technique, ethics, recording kit and working with archives. Fee £60." },
  { title: "Summer brass in the park", category: "Concert", campus: "City campus", venue: "Victoria Park bandstand", day: 60, start: "15:00", end: "17:00", booking: false, free: true,
    summary: "An afternoon of brass band music with the Harrow Vale band and university players.",
    detail: "Bring a picnic for an afternoon of marches, hymns and film music, including 'Valley Lights' by Dr Marcus Hale." },
];

export const CAMPUS_TRAVEL: Record<string, string> = {
  "City campus":
    "City campus is a ten-minute walk from Harrowgate station. There is no visitor parking on campus; use the Eastgate park and ride (buses every 12 minutes). All main buildings have step-free entrances, accessible toilets and hearing loops.",
  "Riverside campus":
    "Riverside campus is served by bus 14 from Harrowgate station every ten minutes (journey about fifteen minutes). Free parking is available in car park C, with accessible bays outside the Hub. The campus is flat, with step-free routes between buildings.",
};
