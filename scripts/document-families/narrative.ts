// What happened, in a claimant's words, for each kind of incident.
import type { ClaimFacts } from "./facts";
import type { Random } from "./random";

export function accountOfLoss(f: ClaimFacts, rng: Random): string {
  const street = f.street.replace(/^\d+\s+/, "");
  const other = f.otherParty ? `${f.otherParty.vehicle.make} ${f.otherParty.vehicle.model}` : "another vehicle";
  const mine = `${f.vehicle.year} ${f.vehicle.make} ${f.vehicle.model}`;
  switch (f.incidentType) {
    case "Multi-vehicle Collision":
      return rng.pick([
        `I was stopped at a red light on ${street} when a ${other} struck the rear of my ${mine}. The rear bumper and trunk lid are damaged.`,
        `While turning left at the intersection of ${street} and 5th Avenue, my ${mine} was hit on the driver side by a ${other} that ran the light.`,
        `The other driver changed lanes without signalling and sideswiped my ${mine} on ${street}; both vehicles were damaged.`,
      ]);
    case "Single Vehicle Collision":
      return rng.pick([
        `I lost control of my ${mine} on a wet curve on ${street} and hit a utility pole. The front end is badly damaged.`,
        `A deer ran onto ${street} and my ${mine} struck it; the hood, grille and headlights were damaged.`,
        `My ${mine} slid on ice and hit the guard rail on ${street}, damaging the passenger side.`,
      ]);
    case "Parked Car":
      return rng.pick([
        `My ${mine} was parked on ${street} overnight and was found with a dented rear door and broken tail light; the other driver left a note.`,
        `While my ${mine} was parked in a supermarket lot, a ${other} backed into it and damaged the front bumper.`,
      ]);
    default:
      return rng.pick([
        `My ${mine} was stolen from the driveway at ${f.street} overnight. The theft was reported to the police the next morning.`,
        `I parked my ${mine} on ${street} and when I returned it was gone. It has not been recovered.`,
      ]);
  }
}
