"""stomp.py (Debian python3-stomp) behind the bench driver line protocol.

Run with /usr/bin/python3 (Debian's packages). Protocol (see the bench module's org.stompest.bench.e2e.Driver):
prints "READY <what>" after connecting, then for each line "<scenario> <destination> <count> <bodySize> <window>"
on stdin runs it and prints "DONE <nanos>" or "FAIL <message>"; "latency <destination> <msg/s> <millis> <bodySize>
<file>" sends at a fixed rate and writes each message's send-to-receive latency in ns (from its intended send time),
one per line, -1 for a lost one, and prints "DONE <received>"; "quit" ends it. Logs in as guest/guest on virtual
host / (RabbitMQ needs both; Artemis with security off and Classic ignore them).
"""
import sys
import threading
import time
import traceback
from urllib.parse import urlparse

import stomp


class Listener(stomp.ConnectionListener):
    def __init__(self):
        self.on_message_hook = None
        self.on_receipt_hook = None
        self.errors = []

    def on_message(self, frame):
        hook = self.on_message_hook
        if hook is not None:
            hook(frame)

    def on_receipt(self, frame):
        hook = self.on_receipt_hook
        if hook is not None:
            hook(frame)

    def on_error(self, frame):
        self.errors.append(frame.body)


def latency(conn, listener, destination, rate, millis, size, path):
    """Message i is due at start + i / rate; its body carries "i:<due - base>;" and the receiver takes now - due."""
    rate, millis, size = int(rate), int(millis), int(size)
    count = rate * millis // 1000
    period = 1_000_000_000 // rate
    latencies = [-1] * count
    received = [0]
    done = threading.Event()
    base = time.perf_counter_ns()

    def on_message(frame):
        now = time.perf_counter_ns()
        body = frame.body if isinstance(frame.body, str) else frame.body.decode("ascii")
        i, due = body[:body.index(";")].split(":")
        latencies[int(i)] = now - (base + int(due))
        received[0] += 1
        if received[0] == count:
            done.set()

    listener.on_message_hook = on_message
    conn.subscribe(destination, id="latency", ack="auto")
    time.sleep(0.2)  # the SUBSCRIBE reaches the broker before the first SEND
    start = time.perf_counter_ns() + period
    for i in range(count):
        due = start + i * period
        wait = due - time.perf_counter_ns()
        if wait > 0:
            time.sleep(wait / 1e9)
        head = ("%d:%d;" % (i, due - base)).encode("ascii")
        conn.send(destination, head + b"x" * max(0, size - len(head)))
    done.wait(10)
    conn.unsubscribe("latency")
    listener.on_message_hook = None
    with open(path, "w") as out:
        out.write("".join("%d\n" % v for v in latencies))
    return sum(1 for v in latencies if v >= 0)


def main():
    uri = urlparse(sys.argv[1])
    conn = stomp.Connection12([(uri.hostname, uri.port)], heartbeats=(10000, 10000), auto_content_length=True,
                              vhost="/")
    listener = Listener()
    conn.set_listener("bench", listener)
    conn.connect("guest", "guest", wait=True)
    print("READY stomp.py %s" % ".".join(map(str, stomp.__version__)), flush=True)
    subscriptions = 0
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        if line == "quit":
            break
        if not conn.is_connected():  # opened again outside the clock
            print("connection lost: connecting again", file=sys.stderr, flush=True)
            conn.connect("guest", "guest", wait=True)
        if line.startswith("latency "):
            try:
                print("DONE %d" % latency(conn, listener, *line.split(" ")[1:]), flush=True)
            except Exception as e:  # reported to the orchestrator, which goes on
                traceback.print_exc(file=sys.stderr)
                print("FAIL %s" % str(e).replace("\n", " "), flush=True)
            continue
        scenario, destination, count, size, window = line.split(" ")
        count, window = int(count), int(window)
        body = b"x" * int(size)
        try:
            if scenario == "produce":
                done = threading.Event()
                listener.on_receipt_hook = lambda frame: done.set()
                start = time.perf_counter_ns()
                for _ in range(count):
                    conn.send(destination, body)
                conn.send(destination, body, receipt="barrier")
                if not done.wait(120):
                    raise RuntimeError("no receipt for the last message")
                nanos = time.perf_counter_ns() - start
            elif scenario == "produce-receipt":
                permits = threading.Semaphore(window)
                done = threading.Event()
                seen = [0]

                def on_receipt(frame):
                    permits.release()
                    seen[0] += 1
                    if seen[0] == count:
                        done.set()

                listener.on_receipt_hook = on_receipt
                start = time.perf_counter_ns()
                for i in range(count):
                    permits.acquire()
                    conn.send(destination, body, receipt="r%d" % i)
                if not done.wait(120):
                    raise RuntimeError("receipts missing: %d of %d" % (count - seen[0], count))
                nanos = time.perf_counter_ns() - start
            elif scenario in ("consume-auto", "consume-ack"):
                ack = scenario == "consume-ack"
                done = threading.Event()
                seen = [0]

                def on_message(frame):
                    if ack:
                        conn.ack(frame.headers["ack"])
                    seen[0] += 1
                    if seen[0] == count:
                        done.set()

                listener.on_message_hook = on_message
                subscriptions += 1
                sub_id = str(subscriptions)
                start = time.perf_counter_ns()
                conn.subscribe(destination, id=sub_id, ack="client-individual" if ack else "auto")
                complete = done.wait(120)
                nanos = time.perf_counter_ns() - start
                conn.unsubscribe(sub_id)
                listener.on_message_hook = None
                if not complete:
                    raise RuntimeError("received %d of %d" % (seen[0], count))
            else:
                raise ValueError("unknown scenario: " + scenario)
            if listener.errors:
                raise RuntimeError("ERROR frame: %r" % listener.errors.pop())
            print("DONE %d" % nanos, flush=True)
        except Exception as e:  # reported to the orchestrator, which goes on with the next round
            traceback.print_exc(file=sys.stderr)
            print("FAIL %s" % str(e).replace("\n", " "), flush=True)
    conn.disconnect()


if __name__ == "__main__":
    main()
