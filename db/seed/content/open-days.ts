/** Six upcoming open days and the promos shown around the site. */
import type { Level, PromoSlot } from "@/db/schema";

type SessionSeed = { title: string; description: string; start: string; end: string; room: string; capacity?: number };

export type OpenDaySeed = {
  level: Level;
  campus: "City campus" | "Riverside campus";
  title: string;
  /** Earliest day offset; the day itself is the next `weekday` on or after it. */
  after: number;
  weekday: number;
  start: string;
  end: string;
  capacity: number;
  subjects: string[];
  summary: string;
  sessions: SessionSeed[];
};

const CITY_UG = ["History", "English Literature", "Music", "Economics", "Law"];
const RIVERSIDE_UG = ["Computer Science", "Environmental Science", "Engineering", "Nursing & Midwifery", "Psychology"];

const ugSessions = (campus: "City campus" | "Riverside campus"): SessionSeed[] => [
  { title: "Welcome to Harrowgate", description: "An introduction to the university, our courses and life in the city, from the Pro-Vice-Chancellor for Education.", start: "10:00", end: "10:45", room: campus === "City campus" ? "Great Hall" : "The Hub, Auditorium" },
  { title: "Subject talks", description: "Meet lecturers from your subject, hear how the course is taught and ask about modules and assessment.", start: "11:00", end: "12:00", room: campus === "City campus" ? "Arts Building" : "Engineering Building" },
  { title: "Guided campus tour", description: "A walking tour led by current students, taking in teaching spaces, the library and the Students' Union.", start: "12:15", end: "13:15", room: "Meet at the information desk", capacity: 60 },
  { title: "Accommodation and student finance", description: "How to apply for halls, what living costs to expect and the support available, including bursaries.", start: "13:30", end: "14:15", room: campus === "City campus" ? "Library, Seminar Room 1" : "The Hub, Room 1.02" },
  campus === "City campus"
    ? { title: "Mock seminar: reading an old newspaper", description: "Take part in a short History seminar using nineteenth-century Harrowgate newspapers.", start: "14:30", end: "15:30", room: "History Building, Seminar Room 3", capacity: 25 }
    : { title: "Lab taster: sensors in the river", description: "Build and test a simple water-level sensor with environmental scientists and engineers.", start: "14:30", end: "15:30", room: "Environment Lab 2", capacity: 24 },
];

const pgSessions = (campus: "City campus" | "Riverside campus"): SessionSeed[] => [
  { title: "Postgraduate study at Harrowgate", description: "An overview of taught Master's and research degrees, and how to choose between them.", start: "+0:00", end: "+0:45", room: campus === "City campus" ? "Great Hall" : "The Hub, Auditorium" },
  { title: "Funding your Master's or PhD", description: "Loans, scholarships, studentships and employer sponsorship explained.", start: "+1:00", end: "+1:45", room: campus === "City campus" ? "Library, Seminar Room 1" : "The Hub, Room 1.02" },
  { title: "Meet research supervisors", description: "Informal conversations with academic staff about research ideas and projects.", start: "+1:00", end: "+2:30", room: campus === "City campus" ? "Arts Building, Foyer" : "Engineering Building, Foyer" },
  { title: "Library and research facilities tour", description: "See the special collections, study spaces and research labs available to postgraduates.", start: "+2:00", end: "+2:45", room: "Meet at the information desk", capacity: 20 },
  { title: "Careers after a postgraduate degree", description: "Graduates talk about where their degree took them, with advice from the careers service.", start: "+3:00", end: "+3:45", room: campus === "City campus" ? "Business School, Room G.01" : "The Hub, Room 1.02" },
];

export const OPEN_DAYS: OpenDaySeed[] = [
  { level: "undergraduate", campus: "City campus", title: "Undergraduate open day: City campus", after: 14, weekday: 6, start: "09:30", end: "16:00", capacity: 300, subjects: CITY_UG,
    summary: "Explore arts, humanities, business and law courses in the heart of the city.", sessions: ugSessions("City campus") },
  { level: "postgraduate", campus: "Riverside campus", title: "Postgraduate open afternoon: Riverside campus", after: 20, weekday: 3, start: "14:00", end: "18:00", capacity: 120, subjects: ["Computer Science", "Data Science", "Environmental Science", "Engineering", "Nursing & Midwifery", "Psychology"],
    summary: "Meet staff and students from our science, engineering and health Master's and research degrees.", sessions: pgSessions("Riverside campus") },
  { level: "undergraduate", campus: "Riverside campus", title: "Undergraduate open day: Riverside campus", after: 35, weekday: 6, start: "09:30", end: "16:00", capacity: 300, subjects: RIVERSIDE_UG,
    summary: "See our science, engineering and health facilities, from simulation wards to river labs.", sessions: ugSessions("Riverside campus") },
  { level: "postgraduate", campus: "City campus", title: "Postgraduate open day: City campus", after: 42, weekday: 6, start: "10:00", end: "14:00", capacity: 120, subjects: ["History", "English Literature", "Music", "Economics", "Law", "Business"],
    summary: "Find out about postgraduate study in arts, humanities, business and law.", sessions: pgSessions("City campus") },
  { level: "undergraduate", campus: "City campus", title: "Summer undergraduate open day: City campus", after: 63, weekday: 6, start: "09:30", end: "16:00", capacity: 300, subjects: CITY_UG,
    summary: "A summer chance to visit City campus, meet students and try a taster seminar.", sessions: ugSessions("City campus") },
  { level: "postgraduate", campus: "Riverside campus", title: "Summer postgraduate open afternoon: Riverside campus", after: 77, weekday: 3, start: "14:00", end: "18:00", capacity: 120, subjects: ["Computer Science", "Environmental Science", "Engineering", "Psychology"],
    summary: "A relaxed afternoon to talk to supervisors and tour our research labs.", sessions: pgSessions("Riverside campus") },
];

export type PromoSeed = { slot: PromoSlot; title: string; text: string; linkUrl: string; linkLabel: string; imageAlt: string; kicker: string };

export const PROMOS: PromoSeed[] = [
  { slot: "open-days", title: "Come to an open day", kicker: "Open days", linkUrl: "/open-days", linkLabel: "Book an open day",
    text: "Explore our two campuses, meet students and lecturers, and find the course that suits you. Undergraduate and postgraduate open days run throughout the year.",
    imageAlt: "Illustration in blue and gold with the words 'Come to an open day'" },
  { slot: "research", title: "Research that makes a difference", kicker: "Research", linkUrl: "/topics/research-funding", linkLabel: "Explore our research",
    text: "From flood warnings to fairer algorithms, Harrowgate research is shaped with the communities it serves.",
    imageAlt: "Illustration in teal and green with the words 'Research that makes a difference'" },
  { slot: "newspaper", title: "Read The Harrowgate Courier", kicker: "The university newspaper", linkUrl: "https://courier.harrowgate.example/", linkLabel: "Read the Courier",
    text: "The Harrowgate Courier is the university's newspaper: campus news, reviews and opinion, written by students since 1964.",
    imageAlt: "Illustration in purple and red with the words 'Read The Harrowgate Courier'" },
  { slot: "student-life", title: "Life at Harrowgate", kicker: "Student life", linkUrl: "/topics/student-life", linkLabel: "Discover student life",
    text: "More than two hundred clubs and societies, a riverside sports park and a city full of music: there is plenty to do beyond your course.",
    imageAlt: "Illustration in blue and turquoise with the words 'Life at Harrowgate'" },
];
