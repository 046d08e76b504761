// Initiates the replica set "news" of compose.yaml once (members mongo-1..3), then waits until it has a primary.
// Run by the mongo-init job with mongosh; safe to run again: an initiated set is left as it is.
const members = [
  { _id: 0, host: "mongo-1:27017", priority: 2 },
  { _id: 1, host: "mongo-2:27017", priority: 1 },
  { _id: 2, host: "mongo-3:27017", priority: 1 },
];

let initiated = false;
try {
  initiated = rs.status().ok === 1;
} catch (e) {
  if (e.codeName !== "NotYetInitialized") {
    throw e;
  }
}
if (!initiated) {
  print("Initiating replica set news with " + members.map((m) => m.host).join(", "));
  rs.initiate({ _id: "news", members: members });
}

const deadline = Date.now() + 120 * 1000;
while (!db.hello().isWritablePrimary && !rs.status().members.some((m) => m.stateStr === "PRIMARY")) {
  if (Date.now() > deadline) {
    throw new Error("replica set news has no primary after 120 s");
  }
  sleep(1000);
}
print("Replica set news is up: " + rs.status().members.map((m) => m.name + " " + m.stateStr).join(", "));
