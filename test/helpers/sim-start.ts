// Where the simulated clocks of the tests start. CI runs the suite at any time of day, and a
// simulated hour that crosses midnight (a daily digest, the heartbeat, "today" in the mail) behaves
// differently from one at noon. Test-only knob: ISE_TO_MAIL_TEST_SIM_START_HOUR=0..23 moves every
// simulated start to the next such UTC hour at or after its usual instant, so the suite runs as if
// started at that hour. Never earlier: the fake ISE's HTTP Date and certificates use the real clock.
// No production code reads it.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `usual`, or the first instant at or after it whose UTC hour is the knob's (same minute). */
export function simStart(usual: number, env: Record<string, string | undefined> = process.env): number {
  const hourVar = env.ISE_TO_MAIL_TEST_SIM_START_HOUR;
  if (hourVar === undefined || hourVar === '') return usual;
  const hour = Number(hourVar);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new Error(`ISE_TO_MAIL_TEST_SIM_START_HOUR=${hourVar}: expected a UTC hour 0..23`);
  }
  const shifted = Math.floor(usual / DAY) * DAY + hour * HOUR + (usual % HOUR);
  return shifted < usual ? shifted + DAY : shifted;
}
