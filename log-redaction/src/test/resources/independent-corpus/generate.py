#!/usr/bin/env python3
"""Generate the log-redaction evaluation corpus (positives.tsv, negatives.txt).

Written for this project. All values are random and synthetic: made-up names,
fictional/reserved phone ranges where they exist, random Luhn-valid card numbers,
random IBANs with correct ISO 13616 / ISO 7064 mod-97 check digits, random tokens
of published shapes. Nothing here is a real person's data or a working credential.

Escapes inside a positives.tsv `line` field: the two-character sequences \\n and \\t
stand for a newline and a tab (multi-line log events). Secrets never contain a
backslash, a tab, a double quote or a newline.
"""
import base64
import json
import os
import random
import re
import string
import uuid

SEED = 18
R = random.Random(SEED)
OUT = os.path.dirname(os.path.abspath(__file__))
PER_KIND = 45

ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"


def rs(n, chars=ALNUM):
    return "".join(R.choice(chars) for _ in range(n))


def b64url(nbytes):
    return base64.urlsafe_b64encode(bytes(R.getrandbits(8) for _ in range(nbytes))).decode().rstrip("=")


def b64(nbytes):
    return base64.b64encode(bytes(R.getrandbits(8) for _ in range(nbytes))).decode()


# ---------------------------------------------------------------- made-up names
SYL = ["ka", "lo", "mi", "ren", "tor", "vel", "sa", "dri", "no", "bel", "qui", "zan", "fe", "ho", "lun",
       "mar", "tis", "ogo", "ve", "rik", "sel", "pa", "dun", "ema", "yor", "ith", "ca", "bro", "gal", "nix"]


def word(a=2, b=3):
    return "".join(R.choice(SYL) for _ in range(R.randint(a, b)))


def first():
    return word(2, 2).capitalize()


def last():
    return word(2, 3).capitalize()


# ---------------------------------------------------------------- logback framing
LOGGERS = ["c.e.orders.web.OrderController", "c.e.billing.PaymentService", "c.e.auth.LoginService",
           "c.e.users.UserService", "c.e.crm.CustomerSyncJob", "c.e.notify.MailSender",
           "c.e.gateway.AuthFilter", "c.e.integration.PartnerClient", "o.s.web.client.RestTemplate",
           "c.e.kyc.VerificationService", "c.e.payout.SepaExportJob", "c.e.config.StartupDump"]
THREADS = ["http-nio-8080-exec-3", "http-nio-8080-exec-17", "main", "scheduling-1", "task-4",
           "reactor-http-epoll-2", "kafka-consumer-orders-0", "pool-3-thread-1", "ForkJoinPool.commonPool-worker-5"]
LEVELS = ["INFO", "DEBUG", "WARN", "ERROR", "TRACE"]


def ts():
    return "2024-%02d-%02d %02d:%02d:%02d.%03d" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23),
                                                   R.randint(0, 59), R.randint(0, 59), R.randint(0, 999))


def iso_ts():
    return ts().replace(" ", "T") + "Z"


def clf_ts():
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "%02d/%s/2024:%02d:%02d:%02d +0000" % (R.randint(1, 28), R.choice(mon), R.randint(0, 23),
                                                  R.randint(0, 59), R.randint(0, 59))


def ip():
    return R.choice(["10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)),
                     "192.168.%d.%d" % (R.randint(0, 255), R.randint(1, 254)),
                     "172.%d.%d.%d" % (R.randint(16, 31), R.randint(0, 255), R.randint(1, 254)),
                     "203.0.113.%d" % R.randint(1, 254), "198.51.100.%d" % R.randint(1, 254)])


def rid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def frame(msg, level=None, logger=None, mdc=None):
    """Wrap a message into one of several logback output shapes."""
    level = level or R.choice(LEVELS)
    logger = logger or R.choice(LOGGERS)
    thread = R.choice(THREADS)
    style = R.randint(0, 4)
    if style == 4 and "\\" not in msg:
        obj = {"@timestamp": iso_ts(), "@version": "1", "message": msg, "logger_name": logger.replace("c.e.", "com.example."),
               "thread_name": thread, "level": level, "level_value": 20000}
        if mdc:
            obj.update(mdc)
        else:
            obj["traceId"] = rs(32, HEX)
        return json.dumps(obj, separators=(",", ":"))
    mdc_s = ""
    if mdc:
        mdc_s = " [" + ", ".join("%s=%s" % kv for kv in mdc.items()) + "]"
    if style == 0:
        return "%s %-5s [%s]%s %s - %s" % (ts(), level, thread, mdc_s, logger, msg)
    if style == 1:
        return "%s %5s %d --- [%s] %-40s : %s%s" % (iso_ts(), level, R.randint(1, 9), thread[:15], logger, msg, mdc_s)
    if style == 2:
        return "%s [%s] %s %s%s - %s" % (ts().split(" ")[1], thread, level, logger.split(".")[-1], mdc_s, msg)
    return "%s %s %s%s %s" % (ts(), level, logger, mdc_s, msg)


def access(method, path, status=None, ua=None):
    status = status or R.choice([200, 200, 201, 204, 302, 400, 401, 403, 404, 500])
    ua = ua or R.choice(["okhttp/4.12.0", "Java-http-client/17.0.9", "curl/8.5.0", "Apache-HttpClient/5.2.1 (Java/17)",
                         "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "python-requests/2.31.0"])
    return '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" %dms' % (ip(), clf_ts(), method, path, status,
                                                                  R.randint(0, 40000), ua, R.randint(1, 900))


def pct(s):
    out = []
    for ch in s:
        if ch in ALNUM or ch in "-._~":
            out.append(ch)
        else:
            out.append("%%%02X" % ord(ch))
    return "".join(out)


# ---------------------------------------------------------------- value generators
def luhn_digit(body):
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    total = 0
    for i, d in enumerate(reversed(num)):
        n = int(d)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


CARD_BRANDS = [
    ("visa", lambda: "4", 16), ("visa", lambda: "4", 16), ("visa13", lambda: "4", 13), ("visa19", lambda: "4", 19),
    ("mastercard", lambda: str(R.randint(51, 55)), 16),
    ("mastercard2", lambda: str(R.randint(2221, 2720)), 16),
    ("amex", lambda: R.choice(["34", "37"]), 15),
    ("discover", lambda: R.choice(["6011", "65", "644", "649"]), 16),
    ("jcb", lambda: str(R.randint(3528, 3589)), 16),
    ("diners", lambda: R.choice(["36", "300", "305", "38"]), 14),
    ("unionpay", lambda: "62" + str(R.randint(2126, 2925))[:2], 16),
    ("maestro", lambda: R.choice(["6759", "5018", "5020", "6304"]), 16),
]


def card():
    brand, pre, length = R.choice(CARD_BRANDS)
    p = pre()
    body = p + "".join(R.choice(string.digits) for _ in range(length - len(p) - 1))
    num = body + luhn_digit(body)
    assert luhn_ok(num)
    return brand, num


def group_card(brand, num, sep):
    if brand == "amex":
        parts = [num[:4], num[4:10], num[10:]]
    elif brand == "diners":
        parts = [num[:4], num[4:10], num[10:]]
    else:
        parts = [num[i:i + 4] for i in range(0, len(num), 4)]
    return sep.join(parts)


def ssn_parts():
    while True:
        area = R.randint(1, 899)
        if area == 666:
            continue
        return "%03d" % area, "%02d" % R.randint(1, 99), "%04d" % R.randint(1, 9999)


IBAN_SPEC = {  # country: BBAN structure (n=digits, a=upper letters, c=alnum upper)
    "DE": "18n", "GB": "4a14n", "FR": "23n", "ES": "20n", "IT": "1a10n12c", "NL": "4a10n", "BE": "12n",
    "CH": "17n", "AT": "16n", "PL": "24n", "SE": "20n", "IE": "4a14n", "PT": "21n", "FI": "14n", "LU": "3n13c",
}


def bban(spec):
    out = []
    for cnt, t in re.findall(r"(\d+)([nac])", spec):
        pool = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}[t]
        out.append("".join(R.choice(pool) for _ in range(int(cnt))))
    return "".join(out)


def iban_check(cc, b):
    s = b + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in s)
    return "%02d" % (98 - int(num) % 97)


def iban_valid(i):
    s = i[4:] + i[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1


def iban():
    cc = R.choice(list(IBAN_SPEC))
    b = bban(IBAN_SPEC[cc])
    v = cc + iban_check(cc, b) + b
    assert iban_valid(v)
    return v


def group4(s, sep=" "):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def phone():
    """Return (country, display string). Fictional ranges where a regulator publishes them."""
    c = R.choice(["US", "US", "DE", "DE", "FR", "FR", "GB", "GB"])
    if c == "US":
        npa = "%d%d%d" % (R.randint(2, 9), R.randint(0, 8), R.randint(0, 9))
        sub = "01%02d" % R.randint(0, 99)  # 555-0100..0199 reserved for fiction
        f = R.randint(0, 6)
        return c, ["+1 %s %s %s" % (npa, "555", sub), "+1%s555%s" % (npa, sub), "(%s) 555-%s" % (npa, sub),
                   "%s-555-%s" % (npa, sub), "%s.555.%s" % (npa, sub), "1-%s-555-%s" % (npa, sub),
                   "+1-%s-555-%s" % (npa, sub)][f]
    if c == "GB":
        kind = R.choice(["lon", "mob", "man"])
        x = "%03d" % R.randint(0, 999)
        if kind == "lon":  # Ofcom drama range 020 7946 0000-0999
            return c, R.choice(["020 7946 0%s" % x, "+44 20 7946 0%s" % x, "+442079460%s" % x, "(020) 7946 0%s" % x])
        if kind == "mob":  # 07700 900000-900999
            return c, R.choice(["07700 900%s" % x, "+44 7700 900%s" % x, "+447700900%s" % x, "07700900%s" % x])
        return c, R.choice(["0161 496 0%s" % x, "+44 161 496 0%s" % x])
    if c == "FR":  # ARCEP ranges reserved for fiction
        pre = R.choice(["1 99 00", "2 61 91", "3 53 01", "4 65 71", "5 36 49", "6 39 98"])
        xx, yy = "%02d" % R.randint(0, 99), "%02d" % R.randint(0, 99)
        digits = (pre + xx + yy).replace(" ", "")
        return c, R.choice(["0%s %s %s" % (pre, xx, yy), "+33 %s %s %s" % (pre, xx, yy), "+33%s" % digits,
                            "0%s" % digits, "0%s.%s.%s" % (pre.replace(" ", "."), xx, yy), "+33 (0)%s %s %s" % (pre, xx, yy)])
    # DE: random mobile / Berlin / Munich numbers
    kind = R.choice(["mob", "ber", "muc"])
    if kind == "mob":
        pre = R.choice(["151", "152", "160", "170", "171", "176", "157"])
        sub = "%08d" % R.randint(0, 99999999)
        return c, R.choice(["+49 %s %s" % (pre, sub), "+49%s%s" % (pre, sub), "0%s %s" % (pre, sub),
                            "0%s-%s" % (pre, sub), "0%s/%s" % (pre, sub), "+49 (0)%s %s" % (pre, sub)])
    pre = "30" if kind == "ber" else "89"
    sub = "%d%07d" % (R.randint(2, 9), R.randint(0, 9999999))
    return c, R.choice(["+49 %s %s" % (pre, sub), "0%s %s" % (pre, sub), "+49%s%s" % (pre, sub),
                        "0%s/%s" % (pre, sub), "(0%s) %s" % (pre, sub[:4] + " " + sub[4:])])


DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "corp.example", "shop.test", "users.test",
           "acme.internal", "hr.corp.internal", "%s.dev" % word(), "%s.app" % word(), "%s.example.io" % word(),
           "sub.example.co.uk", "example.de", "%s.test" % word()]


def email():
    f, l = first().lower(), last().lower()
    local = R.choice([f + "." + l, f[0] + l, f + "_" + l, f + "." + l + str(R.randint(1, 99)), f + "+" + word(1, 2),
                      l + "-" + f, f.upper()[0] + l.capitalize() if R.random() < .2 else f + l])
    return local + "@" + R.choice(DOMAINS + ["%s.example" % word(), "%s.internal" % word()])


def password(safe=False):
    special = "!*-._~" if safe else "!#$%*+-.:=?@^_~&()[]{}<>/|,;"
    style = R.randint(0, 3)
    if style == 0:
        pw = word(2, 3).capitalize() + str(R.randint(1990, 2030)) + R.choice(special[:6])
    elif style == 1:
        pw = rs(R.randint(12, 24), ALNUM + special)
    elif style == 2:
        pw = "-".join(word(1, 2) for _ in range(3)) + str(R.randint(0, 99))
    else:
        pw = rs(R.randint(6, 10), ALNUM) + R.choice(special) + rs(R.randint(3, 8), ALNUM + special)
    return pw


def jwt():
    alg = R.choice(["HS256", "RS256", "ES256", "RS512", "PS256", "HS512"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg[0] in "RPE" and R.random() < .8:
        hdr["kid"] = R.choice([rs(20, B64URL), rid(), rs(40, HEX)])
    if R.random() < .3:
        hdr = {"typ": "JWT", **hdr} if R.random() < .5 else {"kid": hdr.get("kid", rs(8)), "alg": alg}
    iat = R.randint(1700000000, 1735000000)
    pl = {"sub": R.choice([rid(), str(R.randint(1000, 999999)), "svc-" + word()]), "iat": iat,
          "exp": iat + R.choice([300, 900, 3600, 86400])}
    if R.random() < .7:
        pl["iss"] = R.choice(["https://auth.example.internal", "https://login.%s.test/realms/main" % word(),
                              "https://%s.example.com/" % word()])
    if R.random() < .5:
        pl["aud"] = R.choice(["orders-api", "account", "api://default"])
    if R.random() < .5:
        pl["scope"] = R.choice(["openid profile", "orders:read orders:write", "read"])
    if R.random() < .3:
        pl["jti"] = rid()
    enc = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
    siglen = {"HS256": 32, "HS512": 64, "ES256": 64, "RS256": 256, "RS512": 256, "PS256": 256}[alg]
    return enc(hdr) + "." + enc(pl) + "." + b64url(siglen)


def bearer():
    k = R.randint(0, 5)
    if k == 0:
        return "ya29.a0" + rs(R.randint(140, 200), B64URL)
    if k == 1:
        return b64url(32)
    if k == 2:
        return rs(64, HEX)
    if k == 3:
        return rs(40, ALNUM)
    if k == 4:
        return "EwB" + rs(R.randint(100, 160), ALNUM + "+/") + "="  # opaque, base64-ish
    return rs(8, HEX) + "-" + rs(4, HEX) + "." + b64url(24)


def vendor_token():
    up32 = string.ascii_uppercase + "234567"
    choices = [
        ("github", lambda: R.choice(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) + rs(36)),
        ("github", lambda: "github_pat_11" + rs(20, string.ascii_uppercase + string.digits) + "_" + rs(59)),
        ("gitlab", lambda: "glpat-" + rs(20, B64URL)),
        ("slack", lambda: "xoxb-%d-%d-%s" % (R.randint(10**10, 10**12), R.randint(10**10, 10**12), rs(24))),
        ("slack", lambda: "xoxp-%d-%d-%d-%s" % (R.randint(10**10, 10**12), R.randint(10**10, 10**12),
                                                R.randint(10**10, 10**12), rs(32, HEX))),
        ("aws_id", lambda: R.choice(["AKIA", "ASIA"]) + rs(16, up32)),
        ("aws_secret", lambda: rs(40, ALNUM + "+/")),
        ("stripe", lambda: R.choice(["sk_live_", "rk_live_"]) + rs(R.choice([24, 99]))),
        ("npm", lambda: "npm_" + rs(36)),
        ("pypi", lambda: "pypi-AgEIcHlwaS5vcmc" + rs(R.randint(60, 120), B64URL)),
        ("docker", lambda: "dckr_pat_" + rs(27, B64URL)),
        ("twilio", lambda: R.choice(["SK", "AC"]) + rs(32, HEX)),
        ("sendgrid", lambda: "SG." + rs(22, B64URL) + "." + rs(43, B64URL)),
        ("shopify", lambda: R.choice(["shpat_", "shpss_", "shpca_"]) + rs(32, HEX)),
        ("atlassian", lambda: "ATATT3xFfGF0" + rs(170, B64URL) + "=" + rs(8, HEX.upper())),
        ("digitalocean", lambda: R.choice(["dop_v1_", "doo_v1_", "dor_v1_"]) + rs(64, HEX)),
        ("heroku", lambda: "HRKU-AA" + rs(58, B64URL)),
        ("heroku_uuid", lambda: rid()),
        ("huggingface", lambda: "hf_" + rs(34, string.ascii_letters)),
        ("openai", lambda: "sk-" + rs(20) + "T3BlbkFJ" + rs(20)),
        ("openai", lambda: "sk-proj-" + rs(R.randint(120, 156), B64URL)),
        ("anthropic", lambda: "sk-ant-api03-" + rs(93, B64URL) + "AA"),
        ("google", lambda: "AIza" + rs(35, B64URL)),
    ]
    # walk the families round-robin so that each appears several times
    _VCOUNT[0] += 1
    return choices[_VCOUNT[0] % len(choices)]


_VCOUNT = [-1]


def api_key_value():
    k = R.randint(0, 5)
    return [lambda: rs(32, HEX), lambda: rs(40), lambda: b64(30), lambda: rs(24, ALNUM),
            lambda: rid() if R.random() < .5 else rs(48, HEX), lambda: rs(8) + "." + rs(32)][k]()


# ---------------------------------------------------------------- private keys
def der_rsa(nbytes):
    # PKCS#1 RSAPrivateKey: SEQUENCE len(2 bytes) INTEGER 0 ... -> base64 begins "MII"
    return bytes([0x30, 0x82, 0x04, R.choice([0xa2, 0xa3, 0xa4, 0xa5]), 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00]) + \
        bytes(R.getrandbits(8) for _ in range(nbytes))


def der_pkcs8(nbytes):
    return bytes([0x30, 0x82, 0x04, R.choice([0xbc, 0xbd, 0xbe]), 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48,
                  0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x04, 0x82, 0x04, 0xa6]) + \
        bytes(R.getrandbits(8) for _ in range(nbytes))


def der_ec():
    return bytes([0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20]) + bytes(R.getrandbits(8) for _ in range(32)) + \
        bytes([0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0xa1, 0x44, 0x03, 0x42, 0x00, 0x04]) + \
        bytes(R.getrandbits(8) for _ in range(64))


def pem(label=None):
    label = label or R.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY",
                               "ENCRYPTED PRIVATE KEY"])
    if label == "RSA PRIVATE KEY":
        body = base64.b64encode(der_rsa(R.randint(300, 1180))).decode()
    elif label == "EC PRIVATE KEY":
        body = base64.b64encode(der_ec()).decode()
    elif label == "OPENSSH PRIVATE KEY":
        body = base64.b64encode(b"openssh-key-v1\x00\x00\x00\x00\x04none" + bytes(R.getrandbits(8) for _ in range(300))).decode()
    elif label == "ENCRYPTED PRIVATE KEY":
        body = base64.b64encode(bytes([0x30, 0x82, 0x05, 0x2e, 0x30, 0x58, 0x06, 0x09]) + bytes(R.getrandbits(8) for _ in range(500))).decode()
    else:
        body = base64.b64encode(der_pkcs8(R.randint(300, 1180))).decode()
    width = 70 if label == "OPENSSH PRIVATE KEY" else 64
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    return label, lines


# ---------------------------------------------------------------- positive templates
def bind_lines(val, sqltype="VARCHAR", hibernate_only=False):
    n = R.randint(1, 6)
    if hibernate_only:
        return R.choice(["binding parameter [%d] as [%s] - [%s]" % (n, sqltype, val),
                         "binding parameter (%d:%s) <- [%s]" % (n, sqltype, val)])
    return R.choice([
        "binding parameter [%d] as [%s] - [%s]" % (n, sqltype, val),
        "binding parameter (%d:%s) <- [%s]" % (n, sqltype, val),
        "(%d:%s) <- [%s]" % (n, sqltype, val),
        "==> Parameters: %d(Long), %s(String), %s(Timestamp)" % (R.randint(1, 99999), val, ts()),
        "==> Parameters: %s(String)" % val,
    ])


def tpl_email(v):
    n, f = first(), last()
    enc = pct(v)  # '@' -> %40, '+' -> %2B
    c = [
        lambda: (v, frame("User login succeeded for %s" % v)),
        lambda: (v, frame("Sending order confirmation to [%s]" % v, logger="c.e.notify.MailSender")),
        lambda: (v, frame("Password reset requested", mdc={"userEmail": v, "traceId": rs(16, HEX)})),
        lambda: (enc, access("GET", "/api/v1/users/search?email=%s&limit=20" % enc)),
        lambda: (enc, access("POST", "/newsletter/unsubscribe?e=%s&t=%s" % (enc, rs(8, HEX)))),
        lambda: (enc, frame("GET https://crm.example.internal/contacts?filter=email%%3D%s returned 404" % enc)),
        lambda: (v, "o.h.type.descriptor.sql.BasicBinder - " + bind_lines(v, hibernate_only=True)),
        lambda: (v, frame(bind_lines(v), level="TRACE", logger="org.hibernate.orm.jdbc.bind")),
        lambda: (v, frame("==> Parameters: %s(String), ACTIVE(String)" % v, level="DEBUG", logger="c.e.users.mapper.UserMapper.selectByEmail")),
        lambda: (v, frame("com.example.users.DuplicateUserException: user with email '%s' already exists" % v, level="ERROR")),
        lambda: (v, frame("Request body: {\"firstName\":\"%s\",\"lastName\":\"%s\",\"email\":\"%s\"}" % (n, f, v))),
        lambda: (v, json.dumps({"@timestamp": iso_ts(), "level": "INFO", "logger_name": "com.example.auth.LoginService",
                                 "message": "login ok", "user": {"email": v, "id": R.randint(1, 10**6)}}, separators=(",", ":"))),
        lambda: (v, frame("SMTP RCPT TO:<%s> 250 2.1.5 Ok" % v, logger="c.e.notify.SmtpTransport")),
        lambda: (v, frame("Mail delivered: To: %s %s <%s>, Subject: Your invoice" % (n, f, v))),
        lambda: (v, frame("Rendering template with href=\"mailto:%s\"" % v)),
        lambda: (v, frame("org.springframework.dao.DataIntegrityViolationException: could not execute statement; "
                          "Detail: Key (email)=(%s) already exists." % v, level="ERROR")),
        lambda: (v, "curl -X POST https://api.example.internal/v2/invites -H 'Content-Type: application/json' -d '{\"email\":\"%s\"}'" % v),
        lambda: (v, frame("customer.updated id=%d email=%s country=DE" % (R.randint(1000, 99999), v))),
        lambda: (v, frame("app.mail.reply-to=%s" % v, logger="c.e.config.StartupDump")),
        lambda: (v, frame("java.lang.IllegalStateException: No account for principal %s\\n\\tat com.example.auth.AccountResolver.resolve(AccountResolver.java:57)\\n\\tat com.example.auth.LoginService.login(LoginService.java:88)" % v, level="ERROR")),
        lambda: (v, frame("Kafka record key=%s partition=%d offset=%d" % (v, R.randint(0, 11), R.randint(1000, 999999)))),
        lambda: (v, frame("LDAP bind as uid=%s,ou=people failed: invalid credentials" % v)),
        lambda: (v, frame("Contact form submitted name=\"%s %s\" from=%s" % (n, f, v))),
    ]
    return R.choice(c)()


def tpl_phone(c, v):
    n = first()
    digits = re.sub(r"\D", "", v)
    c_ = [
        lambda: frame("Sending SMS verification code to %s" % v, logger="c.e.notify.SmsGateway"),
        lambda: frame("Customer %s updated phone=%s" % (R.randint(1000, 99999), v)),
        lambda: "o.h.type.descriptor.sql.BasicBinder - " + bind_lines(v, hibernate_only=True),
        lambda: frame(bind_lines(v), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("==> Parameters: %s(String), %s(String)" % (n, v), level="DEBUG", logger="c.e.crm.mapper.ContactMapper.insert"),
        lambda: frame("Request body: {\"name\":\"%s\",\"phone\":\"%s\",\"country\":\"%s\"}" % (n, v, c)),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "callback scheduled",
                            "mobileNumber": v, "logger_name": "com.example.support.CallbackService"}, separators=(",", ":")),
        lambda: frame("com.example.crm.InvalidPhoneException: number '%s' is not reachable" % v, level="WARN"),
        lambda: frame("Twilio message request To=%s status=queued" % v),
        lambda: frame("Incoming call from %s routed to queue support-%s" % (v, c.lower())),
        lambda: frame("contact.phone=%s" % v, logger="c.e.config.StartupDump"),
        lambda: frame("OTP delivery failed for msisdn=%s: carrier timeout" % v, level="WARN"),
        lambda: frame("Kunde Rückrufnummer: %s" % v if c == "DE" else "Callback number: %s" % v),
        lambda: frame("Delivery address contact: %s, phone %s" % (n, v)),
    ]
    line = R.choice(c_)()
    return v, line


def tpl_phone_url(v):
    enc = pct(v)
    return enc, access("GET", "/api/v1/contacts/lookup?phone=%s&format=json" % enc)


def tpl_card(brand, num):
    sep = R.choice(["", "", " ", "-"])
    v = group_card(brand, num, sep) if sep else num
    c = [
        lambda: frame("Charging card %s amount=%d.%02d EUR" % (v, R.randint(1, 999), R.randint(0, 99))),
        lambda: "o.h.type.descriptor.sql.BasicBinder - " + bind_lines(v, hibernate_only=True),
        lambda: frame(bind_lines(v), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("==> Parameters: %d(Long), %s(String), %02d/%02d(String)" % (R.randint(1, 9999), v, R.randint(1, 12), R.randint(25, 31)),
                      level="DEBUG", logger="c.e.billing.mapper.CardMapper.insert"),
        lambda: frame("Request body: {\"cardNumber\":\"%s\",\"expMonth\":%d,\"expYear\":%d,\"holder\":\"%s %s\"}" % (v, R.randint(1, 12), R.randint(2025, 2031), first(), last())),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "WARN", "message": "payment declined", "pan": v,
                            "reason": "insufficient_funds"}, separators=(",", ":")),
        lambda: frame("com.example.billing.CardDeclinedException: card %s declined by issuer (code 05)" % v, level="ERROR"),
        lambda: access("POST", "/legacy/pay?card_number=%s&amount=12.50" % v.replace(" ", "+")) if " " not in v else access("POST", "/legacy/pay?cc=%s" % v.replace(" ", "%20")),
        lambda: frame("PAN=%s EXP=%02d%02d" % (v, R.randint(1, 12), R.randint(25, 31))),
        lambda: frame("Tokenizing credit card %s for customer %d" % (v, R.randint(1000, 99999))),
        lambda: frame("Stored payment method: Card[number=%s, brand=%s]" % (v, re.sub(r"\d+$", "", brand).upper())),
        lambda: frame("java.lang.IllegalArgumentException: Invalid CVV for card number %s\\n\\tat com.example.billing.CardValidator.validate(CardValidator.java:44)" % v, level="ERROR"),
        lambda: "curl https://pay.example.internal/v1/charges -d amount=2000 -d currency=eur -d 'card[number]=%s'" % v,
        lambda: frame("Kartennummer %s abgelehnt" % v),
    ]
    line = R.choice(c)()
    if "%20" in line and " " in v:
        v = v.replace(" ", "%20")
    if "+" in line and v.replace(" ", "+") in line and " " in v:
        v = v.replace(" ", "+")
    return v, line


def tpl_ssn():
    a, g, s = ssn_parts()
    fmt = R.choice(["dash", "dash", "dash", "space", "plain"])
    v = {"dash": "%s-%s-%s", "space": "%s %s %s", "plain": "%s%s%s"}[fmt] % (a, g, s)
    d = "%s-%s-%s" % (a, g, s)
    c = [
        lambda: frame("Verifying applicant ssn=%s" % v, logger="c.e.kyc.VerificationService"),
        lambda: "o.h.type.descriptor.sql.BasicBinder - " + bind_lines(d, hibernate_only=True),
        lambda: frame(bind_lines(d), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("==> Parameters: %s(String), %s(String)" % (last(), v), level="DEBUG", logger="c.e.hr.mapper.EmployeeMapper.findBySsn"),
        lambda: frame("Request body: {\"firstName\":\"%s\",\"ssn\":\"%s\",\"dob\":\"19%02d-%02d-%02d\"}" % (first(), v, R.randint(50, 99), R.randint(1, 12), R.randint(1, 28))),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "tax form generated",
                            "taxId": v, "form": "W-2"}, separators=(",", ":")),
        lambda: frame("com.example.hr.DuplicateEmployeeException: SSN %s already registered" % v, level="ERROR"),
        lambda: access("GET", "/api/applicants?social_security_number=%s" % v.replace(" ", "%20")),
        lambda: frame("Import row 14 rejected: %s,%s,%s,1985-03-02" % (first(), last(), v), level="WARN"),
        lambda: frame("Background check submitted for SSN: %s" % v),
        lambda: frame("Social Security Number %s failed SSA verification" % v),
        lambda: frame("payroll.employee[%d].ssn=%s" % (R.randint(0, 50), v)),
        lambda: frame("Credit report requested", mdc={"applicantSsn": v, "requestId": rid()}),
    ]
    line = R.choice(c)()
    if d in line and v not in line:
        v = d
    if "%20" in line:
        v = v.replace(" ", "%20")
    return v, line


def tpl_iban():
    raw = iban()
    v = R.choice([raw, raw, group4(raw)])
    c = [
        lambda: frame("SEPA credit transfer queued debtor=%s amount=%d.%02d EUR" % (v, R.randint(1, 9999), R.randint(0, 99)),
                      logger="c.e.payout.SepaExportJob"),
        lambda: "o.h.type.descriptor.sql.BasicBinder - " + bind_lines(v, hibernate_only=True),
        lambda: frame(bind_lines(v), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("==> Parameters: %d(Long), %s(String), %s(String)" % (R.randint(1, 9999), v, "EUR"), level="DEBUG",
                      logger="c.e.payout.mapper.PayoutMapper.insert"),
        lambda: frame("Request body: {\"accountHolder\":\"%s %s\",\"iban\":\"%s\",\"bic\":\"%s\"}" % (first(), last(), v, rs(4, string.ascii_uppercase) + "DEFF")),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "mandate created",
                            "debtorAccount": {"iban": v}, "mandateId": "MND-%d" % R.randint(10000, 99999)}, separators=(",", ":")),
        lambda: frame("com.example.payout.InvalidIbanException: IBAN %s rejected by bank: account closed" % v, level="ERROR"),
        lambda: access("GET", "/api/v1/payees?iban=%s" % v.replace(" ", "")) if " " not in v else frame("Payee lookup iban=%s" % v),
        lambda: frame("<DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct>" % v, logger="c.e.payout.Pain001Writer"),
        lambda: frame("Refund to IBAN: %s" % v),
        lambda: frame("Bankverbindung geändert: IBAN %s" % v),
        lambda: frame("Payout scheduled", mdc={"iban": v, "payoutId": rid()}),
    ]
    return v, R.choice(c)()


def tpl_jwt():
    v = jwt()
    c = [
        lambda: frame("Incoming request headers: Authorization: Bearer %s" % v, level="DEBUG", logger="c.e.gateway.AuthFilter"),
        lambda: frame("Request headers: {host=[api.example.internal], authorization=[Bearer %s], accept=[*/*]}" % v, level="DEBUG"),
        lambda: frame("JWT validation failed for token %s: signature mismatch" % v, level="WARN"),
        lambda: frame("org.springframework.security.oauth2.jwt.BadJwtException: An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature; token=%s" % v, level="ERROR"),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "DEBUG", "message": "token issued", "id_token": v}, separators=(",", ":")),
        lambda: access("GET", "/callback?id_token=%s&state=%s" % (v, rs(16, HEX))),
        lambda: frame("Cookie: SESSION=%s; lang=en" % v),
        lambda: "curl -s -H 'Authorization: Bearer %s' https://api.example.internal/v1/orders" % v,
        lambda: frame("Token response: {\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":3600}" % v),
        lambda: frame("Forwarding to downstream with X-Forwarded-Access-Token=%s" % v),
        lambda: frame("Cached service token %s (expires in 3599s)" % v),
        lambda: frame("io.jsonwebtoken.MalformedJwtException: Unable to read JSON value: %s" % v, level="ERROR"),
        lambda: frame("Authentication failed", mdc={"jwt": v}),
    ]
    return v, R.choice(c)()


def tpl_bearer():
    v = bearer()
    c = [
        lambda: frame("Outgoing request: GET https://www.googleapis.com/drive/v3/files Authorization: Bearer %s" % v, level="DEBUG"),
        lambda: frame("Request headers: {Authorization=[Bearer %s], Accept=[application/json]}" % v, level="DEBUG"),
        lambda: "curl -H \"Authorization: Bearer %s\" https://api.example.internal/v1/me" % v,
        lambda: access("GET", "/api/v1/export?access_token=%s&format=csv" % v if "+" not in v else "/api/v1/export?format=csv"),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "DEBUG", "message": "oauth token refreshed",
                            "access_token": v, "expires_in": 3599}, separators=(",", ":")),
        lambda: frame("Token endpoint returned {\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"scope\":\"read\"}" % v),
        lambda: frame("Using token=%s for partner %s" % (v, word())),
        lambda: frame("401 Unauthorized from partner API, token %s rejected" % v, level="WARN"),
        lambda: frame("org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 : \"invalid_token: %s\"" % v, level="ERROR"),
        lambda: frame("authorization: bearer %s" % v, level="DEBUG"),
        lambda: frame("WebSocket handshake ws://push.example.internal/stream?token=%s" % v if "+" not in v else "WebSocket handshake token=%s" % v),
        lambda: frame("security.oauth2.client.access-token=%s" % v, logger="c.e.config.StartupDump"),
    ]
    line = R.choice(c)()
    if v not in line:
        line = frame("Authorization: Bearer %s" % v)
    return v, line


def tpl_password():
    name = R.choice([first().lower(), "svc-" + word(), "admin", "app_user"])
    kind = R.randint(0, 17)
    if kind in (4, 5, 15):
        v = password(safe=True)
    else:
        v = password()
    c = {
        0: lambda: frame("Login attempt user=%s password=%s" % (name, v), level="DEBUG"),
        1: lambda: frame("Request body: {\"username\":\"%s\",\"password\":\"%s\"}" % (name, v), level="DEBUG"),
        2: lambda: frame("PUT /api/v1/account/password body={\"current_password\":\"%s\",\"new_password\":\"%s\"}" % ("*" * 8, v)),
        3: lambda: frame("Validation error on field password_confirmation: rejected value [%s]; does not match" % v, level="WARN"),
        4: lambda: access("GET", "/legacy/login.php?user=%s&pwd=%s" % (name, v)),
        5: lambda: access("GET", "/cgi-bin/auth?login=%s&passwd=%s&lang=en" % (name, v)),
        6: lambda: frame("spring.datasource.password=%s" % v, logger="c.e.config.StartupDump"),
        7: lambda: frame("Effective config:\\n  datasource:\\n    username: %s\\n    password: %s\\n    url: jdbc:postgresql://db:5432/app" % (name, v)),
        8: lambda: frame("java.lang.IllegalArgumentException: Invalid password '%s' for user %s" % (v, name), level="ERROR"),
        9: lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "user registered",
                               "payload": {"email_verified": False, "username": name, "passwd": v}}, separators=(",", ":")),
        10: lambda: frame("Form params: grant_type=client_credentials&client_id=%s&client_secret=%s" % (word(), pct(v))),
        11: lambda: frame("Token response {\"access_token\":\"***\",\"refresh_token\":\"%s\",\"expires_in\":300}" % v),
        12: lambda: "curl -u %s:%s https://nexus.example.internal/service/rest/v1/status" % (name, v),
        13: lambda: frame("KEYSTORE_PASSWORD=%s" % v, logger="c.e.config.EnvDump"),
        14: lambda: frame("LdapAuthenticationException: bind failed for cn=%s with credentials %s" % (name, v), level="ERROR"),
        15: lambda: frame("Calling https://legacy.example.internal/api?user=%s&password=%s" % (name, v)),
        16: lambda: frame("Creating user", mdc={"newPassword": v, "requestId": rid()}),
        17: lambda: frame("javax.mail.AuthenticationFailedException: 535 5.7.8 Authentication failed for user=%s pwd=%s" % (name, v), level="ERROR"),
    }
    line = c[kind]()
    if kind == 10:
        v = pct(v)
    if kind == 11:
        v = b64url(R.choice([32, 48]))
        line = frame("Token response {\"access_token\":\"***\",\"refresh_token\":\"%s\",\"expires_in\":300}" % v)
    return v, line


def tpl_urlcred():
    user = R.choice(["app", "orders_rw", "admin", "svc_" + word(), "root", "guest_" + word(1, 1)])
    v = R.choice([rs(R.randint(12, 24)), rs(R.randint(10, 20), ALNUM + "-._~"), word(2, 3) + str(R.randint(10, 9999)),
                  rs(6) + "%21" + rs(6), rs(8) + "%40" + rs(4)])
    host = word() + R.choice([".internal", ".example.internal", ".svc.cluster.local", ".test"])
    db = R.choice(["orders", "billing", "app", "users"])
    c = [
        lambda: frame("HikariPool-1 - Starting with jdbcUrl=jdbc:postgresql://%s:5432/%s?user=%s&password=%s&sslmode=require" % (host, db, user, v)),
        lambda: frame("Connecting to postgresql://%s:%s@%s:5432/%s" % (user, v, host, db)),
        lambda: frame("DATABASE_URL=postgres://%s:%s@%s:5432/%s" % (user, v, host, db), logger="c.e.config.EnvDump"),
        lambda: frame("spring.datasource.url=jdbc:mysql://%s:3306/%s?user=%s&password=%s&useSSL=true" % (host, db, user, v)),
        lambda: frame("Opening connection mysql://%s:%s@%s:3306/%s" % (user, v, host, db)),
        lambda: frame("com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect to mongodb://%s:%s@%s:27017/%s?authSource=admin" % (user, v, host, db), level="ERROR"),
        lambda: frame("spring.data.mongodb.uri=mongodb+srv://%s:%s@cluster0.%s.mongodb.net/%s?retryWrites=true&w=majority" % (user, v, rs(5).lower(), db)),
        lambda: frame("Connecting to broker amqp://%s:%s@%s:5672/%s" % (user, v, host, db)),
        lambda: frame("RABBITMQ_URL=amqps://%s:%s@%s:5671/%%2F" % (user, v, host)),
        lambda: frame("Redis client connecting to redis://:%s@%s:6379/0" % (v, host)),
        lambda: frame("spring.data.redis.url=rediss://default:%s@%s:6380" % (v, host)),
        lambda: frame("Downloading feed from ftp://%s:%s@%s/outgoing/feed.csv" % (user, v, host)),
        lambda: frame("Fetching artifacts from https://%s:%s@%s/repository/maven-releases/" % (user, v, host)),
        lambda: frame("jdbcUrl=jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=%s;encrypt=true" % (host, db, user, v)),
        lambda: frame("Oracle DataSource url=jdbc:oracle:thin:%s/%s@//%s:1521/ORCLPDB1" % (user, v, host)),
        lambda: frame("org.postgresql.util.PSQLException: FATAL: password authentication failed for URL postgresql://%s:%s@%s/%s" % (user, v, host, db), level="ERROR"),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "datasource configured",
                            "url": "jdbc:postgresql://%s:5432/%s?user=%s&password=%s" % (host, db, user, v)}, separators=(",", ":")),
        lambda: "curl -s https://%s:%s@%s/api/health" % (user, v, host),
        lambda: frame("git fetch https://%s:%s@git.example.internal/team/app.git" % (user, v)),
        lambda: frame("Properties: {user=%s, password=%s, ssl=true}" % (user, v), logger="org.postgresql.Driver"),
    ]
    return v, R.choice(c)()


def tpl_pk():
    label, lines = pem()
    mid = lines[len(lines) // 2] if len(lines) > 2 else lines[0]
    if len(mid) < 40:
        mid = lines[0]
    style = R.randint(0, 7)
    begin, end = "-----BEGIN %s-----" % label, "-----END %s-----" % label
    if style == 0:
        body = "\\n".join([begin] + lines + [end])
        return mid, frame("Loaded signing key: %s" % body, level="DEBUG")
    if style == 1:
        body = "\\n      ".join([begin] + lines + [end])
        return mid, frame("Effective config:\\n  jwt:\\n    private-key: |\\n      %s" % body, logger="c.e.config.StartupDump")
    if style == 2:
        body = "\\n".join([begin] + lines + [end])
        return mid, json.dumps({"@timestamp": iso_ts(), "level": "DEBUG", "message": "secret loaded",
                                "private_key": body.replace("\\n", "\n")}, separators=(",", ":"))
    if style == 3:
        body = "\\n".join([begin] + lines + [end])
        return mid, frame("java.security.spec.InvalidKeySpecException: failed to parse key %s" % body, level="ERROR")
    if style == 4:  # bare base64 DER after a key name
        der = base64.b64encode(der_pkcs8(R.randint(600, 1200))).decode()
        name = R.choice(["privateKey", "signing.private-key", "PRIVATE_KEY", "jwt.privateKey", "rsa_private_key"])
        return der, frame("%s=%s" % (name, der))
    if style == 5:
        der = base64.b64encode(der_rsa(R.randint(600, 1180))).decode()
        return der, frame("Request body: {\"keyId\":\"%s\",\"privateKey\":\"%s\"}" % (rs(8, HEX), der))
    if style == 6:  # one-line PEM with spaces instead of newlines (env var flattening)
        body = " ".join([begin] + lines + [end])
        return mid, frame("SAML_SP_KEY=%s" % body, logger="c.e.config.EnvDump")
    body = "\\n".join([begin] + lines + [end])
    return mid, "curl -X POST https://vault.example.internal/v1/transit/keys/app/import -d '{\"private_key\":\"%s\"}'" % body


ENV_NAME = {"github": "GITHUB_TOKEN", "gitlab": "GITLAB_TOKEN", "slack": "SLACK_BOT_TOKEN", "aws_id": "AWS_ACCESS_KEY_ID",
            "aws_secret": "AWS_SECRET_ACCESS_KEY", "stripe": "STRIPE_SECRET_KEY", "npm": "NPM_TOKEN", "pypi": "PYPI_API_TOKEN",
            "docker": "DOCKERHUB_TOKEN", "twilio": "TWILIO_API_KEY", "sendgrid": "SENDGRID_API_KEY", "shopify": "SHOPIFY_ACCESS_TOKEN",
            "atlassian": "JIRA_API_TOKEN", "digitalocean": "DIGITALOCEAN_TOKEN", "heroku": "HEROKU_API_KEY", "heroku_uuid": "HEROKU_API_KEY",
            "huggingface": "HF_TOKEN", "openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY", "google": "GOOGLE_MAPS_API_KEY"}


def tpl_vendor():
    vend, gen = vendor_token()
    v = gen()
    ctx = {
        "github": ["GITHUB_TOKEN=%s", "Authorization: token %s", "git clone https://x-access-token:%s@github.com/org/repo.git"],
        "gitlab": ["PRIVATE-TOKEN: %s", "CI_JOB token=%s", "gitlab.token=%s"],
        "slack": ["Posting to Slack with token %s", "slack.bot-token=%s", "Authorization: Bearer %s"],
        "aws_id": ["AWS_ACCESS_KEY_ID=%s", "Credential=%s/20240514/eu-central-1/s3/aws4_request", "aws.accessKeyId=%s"],
        "aws_secret": ["AWS_SECRET_ACCESS_KEY=%s", "aws_secret_access_key = %s", "aws.secretKey=%s", "{\"SecretAccessKey\":\"%s\"}"],
        "stripe": ["stripe.api-key=%s", "curl https://api.stripe.com/v1/charges -u %s:", "Authorization: Bearer %s"],
        "npm": ["//registry.npmjs.org/:_authToken=%s", "NPM_TOKEN=%s"],
        "pypi": ["twine upload -u __token__ -p %s dist/*", "PYPI_API_TOKEN=%s"],
        "docker": ["docker login -u ci-bot -p %s", "DOCKERHUB_TOKEN=%s"],
        "twilio": ["twilio.auth-sid=%s", "Twilio client initialised sid=%s", "TWILIO_API_KEY=%s"],
        "sendgrid": ["SENDGRID_API_KEY=%s", "Authorization: Bearer %s"],
        "shopify": ["X-Shopify-Access-Token: %s", "shopify.admin-token=%s"],
        "atlassian": ["JIRA_API_TOKEN=%s", "jira.api-token=%s"],
        "digitalocean": ["DIGITALOCEAN_TOKEN=%s", "Authorization: Bearer %s"],
        "heroku": ["HEROKU_API_KEY=%s", "Authorization: Bearer %s"],
        "heroku_uuid": ["HEROKU_API_KEY=%s", "heroku.api-key=%s"],
        "huggingface": ["HF_TOKEN=%s", "Authorization: Bearer %s"],
        "openai": ["OPENAI_API_KEY=%s", "Authorization: Bearer %s", "openai.api-key=%s"],
        "anthropic": ["x-api-key: %s", "ANTHROPIC_API_KEY=%s"],
        "google": ["GET https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=%s", "google.maps.api-key=%s", "x-goog-api-key: %s"],
    }[vend]
    inner = R.choice(ctx) % v
    shape = R.randint(0, 4)
    if inner.startswith(("curl", "git clone", "twine", "docker")):
        line = inner if shape < 2 else frame("Executing: %s" % inner)
    elif shape == 0:
        line = frame(inner, logger=R.choice(["c.e.config.EnvDump", "c.e.integration.PartnerClient"]))
    elif shape == 1:
        line = frame("Request headers: {%s}" % inner.replace(": ", "=") if ": " in inner else "Resolved property %s" % inner, level="DEBUG")
    elif shape == 2:
        line = json.dumps({"@timestamp": iso_ts(), "level": "DEBUG", "message": "config loaded",
                           "env": {ENV_NAME[vend]: v}}, separators=(",", ":"))
    elif shape == 3:
        line = frame("com.example.integration.PartnerAuthException: 401 from upstream using credential %s" % v, level="ERROR")
    else:
        line = frame("%s" % inner)
    return v, line


def tpl_apikey():
    v = api_key_value()
    c = [
        lambda: frame("api_key=%s" % v),
        lambda: frame("Calling geocoder with apikey: %s" % v),
        lambda: frame("Request headers: {X-API-Key=[%s], Accept=[application/json]}" % v, level="DEBUG"),
        lambda: "curl -H 'x-api-key: %s' https://partner.example.internal/v2/rates" % v,
        lambda: access("GET", "/v1/rates?base=EUR&api_key=%s" % v) if "+" not in v and "/" not in v else access("GET", "/v1/rates?apikey=%s" % pct(v)),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "partner registered",
                            "partner": word(), "apiKey": v}, separators=(",", ":")),
        lambda: frame("Effective config:\\n  partner:\\n    base-url: https://partner.example.internal\\n    api-key: %s" % v),
        lambda: frame("client_secret=%s" % v),
        lambda: frame("Request body: {\"client_id\":\"%s\",\"client_secret\":\"%s\"}" % (word(), v)),
        lambda: frame("secret: %s" % v),
        lambda: frame("com.example.integration.PartnerAuthException: invalid API key '%s'" % v, level="ERROR"),
        lambda: frame("partner.api.key=%s" % v, logger="c.e.config.StartupDump"),
        lambda: frame("webhook.signing-secret=%s" % v),
        lambda: frame("Outgoing call", mdc={"apiKey": v, "traceId": rs(32, HEX)}),
        lambda: frame("Headers: api-key=%s; content-type=application/json" % v),
    ]
    line = R.choice(c)()
    if v not in line:
        v = pct(v)
    return v, line


# ---------------------------------------------------------------- build positives
def build_positives():
    rows = []

    def add(kind, v, line):
        assert "\t" not in line and "\n" not in line and "\r" not in line, (kind, line)
        assert "\\" not in v and '"' not in v and "\t" not in v and v, (kind, v)
        if line.count(v) != 1:
            return False
        rows.append((kind, v, line))
        return True

    gens = {
        "email": lambda: tpl_email(email()),
        "phone": lambda: (lambda cv: tpl_phone_url(cv[1]) if R.random() < .1 else tpl_phone(*cv))(phone()),
        "card": lambda: tpl_card(*card()),
        "ssn": tpl_ssn,
        "iban": tpl_iban,
        "jwt": tpl_jwt,
        "bearer": tpl_bearer,
        "password": tpl_password,
        "url_credentials": tpl_urlcred,
        "private_key": tpl_pk,
        "vendor_token": tpl_vendor,
        "api_key": tpl_apikey,
    }
    for kind, g in gens.items():
        n, seen = 0, set()
        while n < (PER_KIND if kind != "vendor_token" else 3 * 23):
            v, line = g()
            if line in seen:
                continue
            if add(kind, v, line):
                seen.add(line)
                n += 1
    # make sure every vendor family is present at least once
    fams = ["ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "AKIA", "sk_live_", "rk_live_", "npm_", "pypi-",
            "dckr_pat_", "SG.", "shpat_", "ATATT3", "dop_v1_", "HRKU-", "hf_", "sk-proj-", "sk-ant-", "AIza"]
    have = [r[1] for r in rows if r[0] == "vendor_token"]
    for f in fams:
        tries = 0
        while not any(h.startswith(f) for h in have) and tries < 5000:
            tries += 1
            v, line = tpl_vendor()
            if v.startswith(f) and add("vendor_token", v, line):
                have.append(v)
    return rows


# ---------------------------------------------------------------- negatives
def isbn13():
    body = "978" + "".join(R.choice(string.digits) for _ in range(9))
    s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


def not_luhn(n):
    """Random digit string of length n that fails Luhn."""
    while True:
        s = str(R.randint(1, 9)) + "".join(R.choice(string.digits) for _ in range(n - 1))
        if not luhn_ok(s):
            return s


def sha(n):
    return rs(n, HEX)


def neg_templates():
    oid = lambda: "ORD-2024-%06d" % R.randint(1, 999999)
    amt = lambda: "%d.%02d" % (R.randint(1, 9999), R.randint(0, 99))
    ms = lambda: R.randint(1, 5000)
    cls = lambda: R.choice(["OrderService", "PaymentService", "InventoryClient", "UserRepository", "ReportJob", "CartController"])
    t = [
        lambda: frame("Started %sApplication in %.3f seconds (process running for %.2f)" % (R.choice(["Orders", "Billing", "Gateway"]), R.uniform(3, 20), R.uniform(4, 25)), level="INFO"),
        lambda: frame("Tomcat started on port %d (http) with context path '/'" % R.choice([8080, 8081, 9090])),
        lambda: frame("HikariPool-1 - Start completed.", logger="com.zaxxer.hikari.HikariDataSource"),
        lambda: frame("HikariPool-%d - Added connection org.postgresql.jdbc.PgConnection@%s" % (R.randint(1, 3), rs(8, HEX)), logger="com.zaxxer.hikari.pool.HikariPool"),
        lambda: frame("Hibernate: select u1_0.id,u1_0.email,u1_0.phone,u1_0.created_at from users u1_0 where u1_0.email=?", level="DEBUG", logger="org.hibernate.SQL"),
        lambda: frame("Hibernate: insert into payment (amount,card_token,currency,status,id) values (?,?,?,?,?)", level="DEBUG", logger="org.hibernate.SQL"),
        lambda: frame("binding parameter [%d] as [BIGINT] - [%d]" % (R.randint(1, 5), R.randint(1, 999999)), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("binding parameter [%d] as [TIMESTAMP] - [%s]" % (R.randint(1, 5), iso_ts()), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("binding parameter [%d] as [VARCHAR] - [%s]" % (R.randint(1, 5), R.choice(["PENDING", "SHIPPED", "CANCELLED", "EUR", "de-DE", "STANDARD"])), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("(%d:BIGINT) <- [%d]" % (R.randint(1, 4), R.randint(1, 10**7)), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("(%d:NUMERIC) <- [%s]" % (R.randint(1, 4), amt()), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("binding parameter [%d] as [VARCHAR] - [%s]" % (R.randint(1, 5), rid()), level="TRACE", logger="org.hibernate.orm.jdbc.bind"),
        lambda: frame("==>  Preparing: SELECT id, status, total FROM orders WHERE customer_id = ? AND created_at > ?", level="DEBUG", logger="c.e.orders.mapper.OrderMapper.findRecent"),
        lambda: frame("==> Parameters: %d(Long), %s 00:00:00.0(Timestamp)" % (R.randint(1, 99999), "2024-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28))), level="DEBUG", logger="c.e.orders.mapper.OrderMapper.findRecent"),
        lambda: frame("==> Parameters: %s(String), %d(Integer)" % (R.choice(["ACTIVE", "SUSPENDED", "de", "EUR", "PENDING_REVIEW"]), R.randint(1, 500)), level="DEBUG", logger="c.e.users.mapper.UserMapper.page"),
        lambda: frame("<==      Total: %d" % R.randint(0, 500), level="DEBUG", logger="c.e.orders.mapper.OrderMapper.findRecent"),
        lambda: frame("Executing SQL: UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND version = $3", level="DEBUG"),
        lambda: frame("Query: SELECT * FROM customers WHERE email = :email AND tenant_id = :tenantId", level="DEBUG"),
        lambda: frame("Request %s completed status=%d duration=%dms" % (rid(), R.choice([200, 201, 204, 404]), ms())),
        lambda: frame("traceId=%s spanId=%s sampled=true" % (sha(32), sha(16))),
        lambda: frame("traceparent: 00-%s-%s-01" % (sha(32), sha(16)), level="DEBUG"),
        lambda: frame("Build info: version=%d.%d.%d commit=%s branch=main" % (R.randint(1, 5), R.randint(0, 30), R.randint(0, 20), sha(40))),
        lambda: frame("Deployed revision %s (short %s)" % (sha(40), sha(7))),
        lambda: frame("Artifact orders-service-%d.%d.%d.jar sha256=%s" % (R.randint(1, 4), R.randint(0, 20), R.randint(0, 9), sha(64))),
        lambda: frame("File upload stored key=uploads/%s.pdf md5=%s size=%d" % (rid(), sha(32), R.randint(1000, 10**7))),
        lambda: frame("Response cached etag=\"%s\" maxAge=300" % b64(24)),
        lambda: frame("ETag: W/\"%s\"" % sha(32)),
        lambda: frame("Content-MD5: %s" % b64(16)),
        lambda: frame("Integrity check ok: digest=sha-256=:%s:" % b64(32)),
        lambda: frame("Order %s placed: total=%s EUR items=%d" % (oid(), amt(), R.randint(1, 12))),
        lambda: frame("Invoice INV-%d-%05d generated, net=%s tax=%s" % (R.randint(2020, 2025), R.randint(1, 99999), amt(), amt())),
        lambda: frame("Payment %s captured amount=%s currency=%s" % ("pay_" + rs(14, string.ascii_lowercase + string.digits), amt(), R.choice(["EUR", "USD", "GBP"]))),
        lambda: frame("Processed %s records in %d ms" % ("{:,}".format(R.randint(1000, 10**8)), ms())),
        lambda: frame("Batch %d/%d committed, rows=%d, elapsed=%s" % (R.randint(1, 50), 50, R.randint(100, 5000), "PT%dM%dS" % (R.randint(0, 59), R.randint(0, 59)))),
        lambda: frame("Slow query detected: %d ms (threshold 500 ms)" % R.randint(500, 9000), level="WARN"),
        lambda: frame("Latency p50=%dms p95=%dms p99=%dms" % (R.randint(1, 50), R.randint(50, 300), R.randint(300, 2000))),
        lambda: frame("Running with Spring Boot v%d.%d.%d, Spring v6.1.%d" % (3, R.randint(0, 3), R.randint(0, 12), R.randint(0, 14))),
        lambda: frame("Java version 21.0.%d+%d-LTS, vendor Eclipse Adoptium" % (R.randint(1, 5), R.randint(1, 13))),
        lambda: frame("Dependency org.springframework:spring-core:6.1.%d resolved" % R.randint(0, 14)),
        lambda: frame("Accepted connection from %s:%d" % (ip(), R.randint(1024, 65535))),
        lambda: frame("Client IP %s forwarded by %s" % (ip(), ip())),
        lambda: frame("Listening on [%s]:%d" % (R.choice(["::", "::1", "fe80::%s:%s" % (rs(4, HEX), rs(4, HEX)), "2001:db8::%s" % rs(4, HEX)]), R.randint(1024, 9999))),
        lambda: access("GET", "/api/v1/orders/%d?expand=items" % R.randint(1, 10**6)),
        lambda: access("GET", "/api/v1/products?page=%d&size=%d&sort=price,asc" % (R.randint(0, 40), R.choice([10, 20, 50]))),
        lambda: access("POST", "/api/v1/orders"),
        lambda: access("GET", "/actuator/health"),
        lambda: access("GET", "/static/js/app.%s.js" % sha(8)),
        lambda: frame("Book lookup isbn=%s title found" % isbn13()),
        lambda: frame("Catalog import: ISBN %s-%s-%s-%s-%s" % (lambda s: (s[:3], s[3], s[4:6], s[6:12], s[12]))(isbn13())),
        lambda: frame("Connecting to postgresql://%s:5432/orders" % (word() + ".internal")),
        lambda: frame("HikariPool-1 - jdbcUrl=jdbc:postgresql://db.%s.internal:5432/app?sslmode=verify-full&ApplicationName=orders" % word()),
        lambda: frame("Connected to amqp://%s:5672/ (vhost /)" % (word() + ".internal")),
        lambda: frame("Lettuce connected to redis://%s:6379/0" % (word() + ".svc.cluster.local")),
        lambda: frame("Fetching https://repo.maven.apache.org/maven2/org/slf4j/slf4j-api/2.0.%d/slf4j-api-2.0.%d.pom" % ((lambda x: (x, x))(R.randint(1, 13)))),
        lambda: frame("Password policy loaded: minLength=%d requireDigit=true requireSymbol=%s maxAgeDays=%d" % (R.randint(8, 16), R.choice(["true", "false"]), R.randint(30, 365))),
        lambda: frame("Password reset requested for accountId=%d; mail queued" % R.randint(1, 10**6)),
        lambda: frame("Password changed for accountId=%d" % R.randint(1, 10**6)),
        lambda: frame("Login failed for accountId=%d: bad credentials (attempt %d of 5)" % (R.randint(1, 10**6), R.randint(1, 5)), level="WARN"),
        lambda: frame("Token expired at %s, refreshing" % iso_ts(), level="DEBUG"),
        lambda: frame("JWT validation failed: token expired at %s" % iso_ts(), level="WARN"),
        lambda: frame("Authorization header missing for GET /api/v1/orders", level="WARN"),
        lambda: frame("Bearer token required for /admin/**", level="DEBUG"),
        lambda: frame("Scheduled task cleanupExpiredTokens completed, removed=%d" % R.randint(0, 5000)),
        lambda: frame("OAuth2 client registration '%s' loaded, scopes=[openid, profile]" % word()),
        lambda: frame("API key rotation scheduled for %s" % "2024-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28))),
        lambda: frame("Keystore loaded from /etc/ssl/keystore.p12, aliases=[server], type=PKCS12"),
        lambda: frame("Loaded certificate subject=CN=api.%s.internal, serial=%s, notAfter=2026-%02d-01" % (word(), sha(16).upper(), R.randint(1, 12))),
        lambda: frame("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"%s\" is null" % R.choice(["name", "sku", "value"]), level="ERROR"),
        lambda: (lambda c: "\tat com.example.orders.%s.%s(%s.java:%d)" % (c, R.choice(["place", "find", "update", "handle"]), c, R.randint(20, 400)))(cls()),
        lambda: "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
        lambda: "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
        lambda: "\t... %d common frames omitted" % R.randint(3, 80),
        lambda: "Caused by: java.net.SocketTimeoutException: Read timed out",
        lambda: "Caused by: java.sql.SQLException: Deadlock found when trying to get lock; try restarting transaction",
        lambda: frame("java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after %dms." % R.choice([30000, 10000]), level="ERROR"),
        lambda: frame("org.springframework.dao.EmptyResultDataAccessException: Incorrect result size: expected 1, actual 0", level="ERROR"),
        lambda: frame("java.lang.IllegalStateException: Order %s is already %s" % (oid(), R.choice(["shipped", "cancelled"])), level="ERROR"),
        lambda: frame("org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"https://inventory.%s.internal/api/stock/%d\": Connection refused" % (word(), R.randint(1, 99999)), level="ERROR"),
        lambda: frame("com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String \"%02d/%02d/2024\"" % (R.randint(1, 28), R.randint(1, 12)), level="WARN"),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "Order placed", "orderId": oid(), "amount": float(amt()), "currency": "EUR", "items": R.randint(1, 9)}, separators=(",", ":")),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "logger_name": "com.example.inventory.StockService", "message": "stock reserved", "sku": "SKU-%05d" % R.randint(1, 99999), "qty": R.randint(1, 50), "warehouse": "FRA-%d" % R.randint(1, 9)}, separators=(",", ":")),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "WARN", "message": "retrying request", "attempt": R.randint(1, 5), "backoffMs": R.choice([100, 200, 400, 800]), "requestId": rid()}, separators=(",", ":")),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "INFO", "message": "cache stats", "hits": R.randint(0, 10**6), "misses": R.randint(0, 10**5), "hitRatio": round(R.random(), 4)}, separators=(",", ":")),
        lambda: json.dumps({"@timestamp": iso_ts(), "level": "DEBUG", "message": "feature flags", "flags": {"newCheckout": True, "darkMode": False}, "version": "%d.%d" % (R.randint(1, 9), R.randint(0, 20))}, separators=(",", ":")),
        lambda: frame("Date parsed: %s" % R.choice(["2024-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28)), "%02d/%02d/2024" % (R.randint(1, 28), R.randint(1, 12)),
                                                      "%02d.%02d.2024" % (R.randint(1, 28), R.randint(1, 12)), "Tue, %02d May 2024 10:23:45 GMT" % R.randint(1, 28),
                                                      "2024%02d%02dT%02d%02d%02dZ" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)),
                                                      "May %d, 2024" % R.randint(1, 28), "2024-W%02d" % R.randint(1, 52), "2024-%03d" % R.randint(1, 365)])),
        lambda: frame("Last-Modified: %s, %02d %s 2024 %02d:%02d:%02d GMT" % (R.choice(["Mon", "Tue", "Wed", "Thu", "Fri"]), R.randint(1, 28), R.choice(["Jan", "Mar", "Jun", "Sep", "Nov"]), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))),
        lambda: frame("Event time epoch=%d" % R.randint(1600000000, 1760000000)),
        lambda: frame("Event time epochMillis=%s" % not_luhn(13)),
        lambda: frame("Snowflake id generated: %s" % not_luhn(R.choice([18, 19]))),
        lambda: frame("Kafka message offset=%d partition=%d eventId=%s" % (R.randint(0, 10**7), R.randint(0, 11), not_luhn(R.randint(13, 19)))),
        lambda: frame("Shipment tracking %s" % (lambda s: " ".join(s[i:i + 4] for i in range(0, len(s), 4)))(not_luhn(R.choice([20, 22])))),
        lambda: frame("Reference number %s" % (lambda s: "-".join(s[i:i + 4] for i in range(0, len(s), 4)))(not_luhn(16))),
        lambda: frame("Import file contained %s rows" % "{:,}".format(R.randint(10**5, 10**9)).replace(",", " ")),
        lambda: frame("Transferred %s bytes" % "{:,}".format(R.randint(10**6, 10**10))),
        lambda: frame("Memory: heap used=%dMB committed=%dMB max=%dMB" % (R.randint(100, 900), R.randint(900, 1500), 2048)),
        lambda: frame("GC pause (G1 Evacuation Pause) %.3fms" % R.uniform(1, 200)),
        lambda: frame("Pod orders-%s-%s ready on node ip-%d-%d-%d-%d.eu-central-1.compute.internal" % (rs(9, "bcdfghjklmnpqrstvwxz2456789"), rs(5, "bcdfghjklmnpqrstvwxz2456789"), 10, R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))),
        lambda: frame("Kafka consumer group orders-cg assigned partitions [orders-%d, orders-%d]" % (R.randint(0, 5), R.randint(6, 11))),
        lambda: frame("S3 putObject bucket=orders-exports-prod key=exports/2024/%02d/%s.csv requestId=%s" % (R.randint(1, 12), rid(), rs(16, "0123456789ABCDEF"))),
        lambda: frame("Job correlation ULID %s" % rs(26, "0123456789ABCDEFGHJKMNPQRSTVWXYZ")),
        lambda: frame("Masked card on file %s******%s brand=VISA" % ("4" + "".join(R.choice(string.digits) for _ in range(5)), "".join(R.choice(string.digits) for _ in range(4)))),
        lambda: frame("Customer %d country=%s locale=%s tier=%s" % (R.randint(1, 10**6), R.choice(["DE", "FR", "GB", "US"]), R.choice(["de-DE", "fr-FR", "en-GB", "en-US"]), R.choice(["GOLD", "SILVER", "BASIC"]))),
        lambda: frame("Rate limit exceeded for client %s (100 req/min)" % R.choice(["mobile-app", "partner-portal", "batch-exporter"]), level="WARN"),
        lambda: frame("Circuit breaker 'inventory' changed state from CLOSED to OPEN", level="WARN"),
        lambda: frame("Retrying GET https://inventory.%s.internal/api/stock?sku=SKU-%05d (attempt %d)" % (word(), R.randint(1, 99999), R.randint(1, 3))),
        lambda: frame("Temperature sensor reading %.2f°C at station %d" % (R.uniform(-10, 40), R.randint(100, 999))),
        lambda: frame("Coordinates lat=%.5f lon=%.5f for warehouse FRA-%d" % (R.uniform(48, 54), R.uniform(6, 14), R.randint(1, 9))),
        lambda: frame("Checksum mismatch: expected %s got %s" % (sha(40), sha(40)), level="WARN"),
        lambda: frame("Docker image registry.example.internal/orders@sha256:%s pulled" % sha(64)),
        lambda: frame("Migrating schema to version %d.%d.%d (Flyway V%d__add_index.sql)" % (R.randint(1, 9), R.randint(0, 30), R.randint(0, 9), R.randint(1, 300))),
        lambda: frame("HTTP/1.1 %d %s content-length=%d" % R.choice([(200, "OK", R.randint(0, 9999)), (404, "Not Found", 0), (503, "Service Unavailable", 123)])),
        lambda: frame("Received webhook event type=invoice.paid id=evt_%s" % rs(24)),
        lambda: frame("Idempotency-Key %s accepted" % rid()),
        lambda: frame("Thread pool stats active=%d queued=%d completed=%d" % (R.randint(0, 64), R.randint(0, 500), R.randint(0, 10**7))),
        lambda: frame("Percentage complete: %d%% (%d/%d)" % ((lambda a, b: (a * 100 // b, a, b))(R.randint(0, 1000), 1000))),
        lambda: frame("Server time offset %+d ms vs NTP pool" % R.randint(-500, 500)),
        lambda: frame("Export finished: file=report_%s.xlsx sheets=%d" % ("2024%02d%02d" % (R.randint(1, 12), R.randint(1, 28)), R.randint(1, 9))),
        lambda: frame("Discount code SUMMER%d applied, reduction=%d%%" % (R.randint(20, 25), R.choice([5, 10, 15]))),
    ]
    return t


DIGRUN = re.compile(r"\d(?:[ -]?\d){12,18}")


def negative_ok(line):
    if re.search(r"[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+\.[A-Za-z]{2,}", line):
        return False
    for m in re.finditer(r"(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])", line):
        d = re.sub(r"\D", "", m.group())
        if 13 <= len(d) <= 19 and luhn_ok(d):
            return False
    # any 13-19 digit plain run must be Luhn-invalid (also substrings inside longer hex)
    for m in re.finditer(r"\d{13,19}", line):
        if luhn_ok(m.group()):
            return False
    if re.search(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)", line):
        return False
    if re.search(r"\+\d{9,14}", line):
        return False
    for m in re.finditer(r"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b", line):
        if iban_valid(m.group()):
            return False
    if re.search(r"(AKIA|ghp_|glpat-|xox[bp]-|sk_live_|eyJ[A-Za-z0-9_-]{10,}\.)", line):
        return False
    return True


def build_negatives(n=720):
    tl = neg_templates()
    out, seen = [], set()
    i = 0
    while len(out) < n:
        tpl = tl[i % len(tl)] if i < len(tl) * 3 else R.choice(tl)
        i += 1
        line = tpl()
        if line in seen or "\n" in line or not negative_ok(line):
            continue
        seen.add(line)
        out.append(line)
    return out


def main():
    rows = build_positives()
    with open(os.path.join(OUT, "positives.tsv"), "w", encoding="utf-8") as f:
        for k, v, l in rows:
            f.write("%s\t%s\t%s\n" % (k, v, l))
    negs = build_negatives()
    with open(os.path.join(OUT, "negatives.txt"), "w", encoding="utf-8") as f:
        for l in negs:
            f.write(l + "\n")
    from collections import Counter
    print(Counter(k for k, _, _ in rows))
    print("negatives", len(negs))


if __name__ == "__main__":
    main()
