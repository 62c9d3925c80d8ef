// What `mentor-matcher notify` is and how it is called, apart from the command itself: the command
// table (main.ts) needs its summary and usage for --help, and loads the command only when it runs,
// because GOV.UK Notify's client (notifications-node-client, with axios) takes about 60 ms to load,
// which every match, check and generate would otherwise pay.

export const notifySummary = 'email everyone their result through GOV.UK Notify';

export const sendLogFileName = 'notify-log.jsonl';

export const notifyUsage = `Usage: mentor-matcher notify --results DIR --template KIND=ID [--template KIND=ID ...]
                              [--reply-to ID] [--dry-run] [--retry-failed] [--timeout SECONDS]
                              [--base-url URL] [--api-key-file FILE]

Emails everyone in a match result through GOV.UK Notify, one template per kind:
  mentor-matched, mentor-unmatched, mentee-matched, mentee-unmatched
Kinds without a template are not sent (they are counted in the report).

  --results DIR       a folder written by "mentor-matcher match" (reads its notify.json)
  --template KIND=ID  the Notify template id for a kind (repeat for each kind)
  --reply-to ID       the Notify reply-to email address id
  --dry-run           list what would be sent to whom, and send nothing (no API key needed)
  --retry-failed      send again the messages Notify refused in an earlier run
  --timeout SECONDS   how long to wait for each answer from Notify (default 30)
  --base-url URL      another Notify API address, https only except localhost (default: GOV.UK Notify)
  --api-key-file FILE read the API key from FILE (default: the NOTIFY_API_KEY environment variable)

Every message is logged in DIR/${sendLogFileName} before it is sent and again once Notify accepts it,
keyed on its content. A re-run sends only new and changed messages; one that an interrupted run
had started is first looked up at Notify, so nobody gets the same message twice. Ctrl-C once
finishes the emails in flight; twice quits at once (still safe to run again).
`;
