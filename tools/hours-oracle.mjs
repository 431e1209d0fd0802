// An independent judge of opening hours: opening_hours.js (the evaluator OpenStreetMap's
// editors use) says whether each value is open, closed or unknown at each instant, for
// crates/directory/tests/hours_agreement.rs to compare with Bussola's own evaluation.
//
// Reads {"values": [...], "instants": ["YYYY-MM-DDTHH:MM", ...]} on stdin, instants in the
// office's local time (run with TZ=Europe/Rome); writes one answer per value on stdout:
// null where opening_hours.js refuses or cannot evaluate the value, else a string with one letter per instant,
// "o" open, "c" closed, "u" unknown. Holidays are Italy's (Umbria); the sun is Perugia's.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const OpeningHours = require("opening_hours");

const nominatim = {
  // As strings: opening_hours.js takes coordinates only so (as Nominatim gives them), and
  // otherwise puts the sun up at 06:00 and down at 18:00.
  lat: "43.1107",
  lon: "12.3908",
  address: { country_code: "it", state: "Umbria" },
};

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { values, instants } = JSON.parse(input);
const dates = instants.map((text) => {
  const [day, time] = text.split("T");
  const [y, mo, d] = day.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return new Date(y, mo - 1, d, h, mi);
});

const answers = values.map((value) => {
  // A value it refuses, or cannot evaluate (school holidays it has no dates for), it judges
  // not at all.
  try {
    const hours = new OpeningHours(value, nominatim, { mode: 0, locale: "en" });
    return dates
      .map((date) => (hours.getUnknown(date) ? "u" : hours.getState(date) ? "o" : "c"))
      .join("");
  } catch {
    return null;
  }
});
process.stdout.write(JSON.stringify(answers));
