-- wrk script: deposit postbacks to the seeded, linked players, each with a unique transaction ID.
local thread_id = 0
local counter = 0
local players = tonumber(os.getenv("PLAYERS") or "1000")
local run = os.getenv("RUN_ID") or "bench"

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local path = string.format(
    "/postback/1win?event=deposit&user_id=crash-player-%d&amount=%d&transaction_id=%s-%d-%d",
    counter % players, 100 + counter % 900, run, tid, counter)
  return wrk.format("POST", path)
end
