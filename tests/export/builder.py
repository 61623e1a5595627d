"""Synthetic LinkedIn exports in the documented shapes of 2018, 2022 and 2026 (fictional people).

Headers, encodings, line ends and quirks follow
/work/shared/reference/linkedin-export.md (Appendix A): 2018 has UTF-16LE
tab-separated files with every field quoted and ``M/D/YY, h:mm AM`` dates;
2022 has the ``Notes:`` preamble, CRLF activity files and no ``URL`` column;
2026 has ``URL``, ``SharedUrl``/``MediaUrl`` case, draft flags and
``Rich_Media.csv`` with sentence dates. Everyone here is made up.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more "
    'here https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)

ME = ("Anneke", "de Wit")
ME_URL = "https://www.linkedin.com/in/anneke-de-wit-fictional"

SALES = "Hi Joris, our new CRM platform saves your team 20% on sales admin. Shall I send you a quote with our special discount this month?"
SALES_WITH_NOTICE = SALES + "\n\nNot interested? Reply 'stop' and I will not contact you again."
FOLLOW_UP = "Hi Joris, just following up on my offer: the discount on our CRM platform ends Friday. Shall I send the quote?"
RECEIVED_SALES = "Dear Anneke, buy our lead generation package now with 30% discount! Order today."


def csv_text(header: list[str], rows: list[list[str]], *, newline: str = "\n", delimiter: str = ",",
             quote_all: bool = False) -> str:
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator=newline,
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def utf16_tsv(header: list[str], rows: list[list[str]]) -> bytes:
    text = csv_text(header, rows, newline="\r\n", delimiter="\t", quote_all=True)
    return b"\xff\xfe" + text.encode("utf-16-le")


def files_2018() -> dict[str, bytes]:
    f: dict[str, bytes] = {}
    f["Profile.csv"] = csv_text(
        ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Contact Instructions", "Headline", "Summary",
         "Industry", "Country", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
        [[*ME, "", "", "Feb 17, 1990", "", "Account manager at Acme Data", "", "IT", "NL", "", "", "", "", ""]]).encode()
    f["Positions.csv"] = csv_text(["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
                                  [["Acme Data ", "Sales Ninja", "", "Utrecht", "Jun 2017", ""],
                                   ["Brightline Consulting", "Consultant", "", "Utrecht", "2014", "May 2017"]]).encode()
    f["Connections.csv"] = csv_text(["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
                                    [["Pieter", "Jansen", "", "Zuiderbank N.V.", "CFO", "1/8/18, 6:14 PM"],
                                     ["Lotte", "Bakker", "", "Hoekstra Bouw", "Planner", "20 Nov 2017"]]).encode()
    f["Messages.csv"] = csv_text(["From", "To", "Date", "Subject", "Content", "Direction", "Folder"], [
        [" ".join(ME), "Joris Visser", "10/16/18, 8:36 AM", "", SALES, "OUTGOING", "SENT"],
        ["Joris Visser", " ".join(ME), "10/16/18, 9:01 AM", "", "Thanks, not now.", "INCOMING", "INBOX"],
        ["Kees Smit", " ".join(ME), "10/17/18, 9:01 AM", "", RECEIVED_SALES, "INCOMING", "INBOX"],
    ]).encode()
    f["Shares.csv"] = utf16_tsv(
        ["Date", "Share Title", "Share Description", "Share Link", "Share Commentary", "Shared URL", "Media URL", "Type", "Visibility"],
        [["2017/06/08 08:15:44 UTC", "", "", "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A111",
          "Proud of my team at Acme Data for the new platform!", "", "", "", "Public"]])
    f["Jobs/Job Seeker Preferences.csv"] = csv_text(
        ["Locations", "Industries", "Company Employee Count", "Preferred Job Types", "Job Titles", "Open To Recruiters",
         "Dream Companies", "Profile Shared With Job Poster", "Job Title For Searching Fast Growing Companies",
         "Introduction Statement", "Phone Number", "Job Seeker Activity Level", "Preferred Start Time Range",
         "Commute Preference Starting Address", "Commute Preference Starting Time", "Mode Of Transportation",
         "Maximum Commute Duration"],
        [["[Utrecht]", "", "", "[Full-time]", "[Sales manager]", "Yes", "", "", "", "", "", "", "", "", "", "", ""]]).encode()
    f["Logins.csv"] = utf16_tsv(["Login Date", "IP Address", "User Agent", "Login Type"],
                                [["2018/11/01 08:00:00 UTC", "192.0.2.1", "Firefox", "WEB"]])
    return f


def files_2022() -> dict[str, bytes]:
    f: dict[str, bytes] = {}
    f["Profile.csv"] = csv_text(
        ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry", "Zip Code",
         "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
        [[*ME, "", "", "", "Account manager", "", "IT", "", "", "", "", ""]]).encode()
    f["Positions.csv"] = csv_text(["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
                                  [["Acme Data B.V.", "Sales Ninja", "Multi-line\ndescription", "Utrecht", "Jun 2019", ""],
                                   ["Brightline Consulting", "Consultant", "", "", "2014", "May 2019"]]).encode()
    f["Connections.csv"] = (NOTES + csv_text(
        ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
        [["Pieter", "Jansen", "", "Zuiderbank N.V.", "CFO", "17 Jun 2021"],
         ["", "", "", "", "", "03 Mar 2021"],
         ["Lotte", "Bakker", "", "Hoekstra Bouw", "Planner", "20 Nov 2020"],
         ["Emma", "Mulder", "", "Stripe, Inc.", "Engineer", "01 Feb 2022"]])).encode()
    conv = "2-NTg3YjNmZmFrZQ=="
    header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE", "SUBJECT", "CONTENT", "FOLDER"]
    f["messages.csv"] = csv_text(header, [
        # newest first, as exports tend to list them
        [conv, "", " ".join(ME), ME_URL, "Joris Visser", "2022-05-03 09:00:00 UTC", "", FOLLOW_UP, "INBOX"],
        [conv, "", "Joris Visser", "https://www.linkedin.com/in/joris-visser-fictional", " ".join(ME),
         "2022-05-02 10:00:00 UTC", "", "Maybe later.", "INBOX"],
        [conv, "", " ".join(ME), ME_URL, "Joris Visser", "2022-05-01 09:00:00 UTC", "", SALES_WITH_NOTICE, "INBOX"],
        ["2-c3BvbnNvcmVk", "Sponsored Conversation", "LinkedIn Member", "", " ".join(ME), "2022-04-01 12:00:00 UTC", "",
         "<p class=\"spinmail-quill-editor__spin-break\">Hi there, buy our &amp; software now with 50% discount!</p>", "SPAM"],
        ["2-b3RoZXI=", "", " ".join(ME), ME_URL, "Sanne de Boer", "2022-03-01 08:00:00 UTC", "",
         "Hoi Sanne, leuk je gisteren te spreken op de borrel! Tot snel.", "ARCHIVE"],
    ]).encode()
    f["Shares.csv"] = csv_text(["Date", "ShareLink", "ShareCommentary", "SharedURL", "MediaURL", "Visibility"], [
        ["2021-06-16 15:00:02", "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A222",
         'Great evening with our clients at the Acme Data summer party!"\n""\n"Thanks everyone who came.', "", "", "MEMBER_NETWORK"],
        ["2021-07-01 10:00:00", "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A223",
         "Read this article about privacy.", "https://example.com/a", "https://media.licdn.com/preview.jpg", "MEMBER_NETWORK"],
    ], newline="\r\n").encode()
    f["Rich Media.csv"] = csv_text(["Type", "Link"], [["Video content can be downloaded at", "https://www.linkedin.com/psettings/rich-media"]]).encode()
    f["Comments.csv"] = csv_text(["Date", "Link", "Message"], [
        ["2021-08-01 10:00:00", "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A9", "Congratulations!\nWell deserved."]],
        newline="\r\n").encode()
    f["Jobs/Job Seeker Preferences.csv"] = csv_text(
        ["Locations", "Industries", "Company Employee Count", "Preferred Job Types", "Job Titles", "Open To Recruiters",
         "Dream Companies", "Profile Shared With Job Poster", "Job Title For Searching Fast Growing Companies",
         "Introduction Statement", "Phone Number", "Job Seeker Activity Level", "Preferred Start Time Range",
         "Commute Preference Starting Address", "Commute Preference Starting Time", "Mode Of Transportation",
         "Maximum Commute Duration", "Open Candidate Visibility", "Job Seeking Urgency Level"],
        [["Utrecht", "", "", "Full-time", "Sales manager | Account director", "Yes", "", "", "", "", "", "", "", "", "",
          "", "", "RECRUITERS", "CASUALLY_BROWSING"]]).encode()
    f["Account Status History.csv"] = utf16_tsv(["Time", "Event"], [["2022/01/01 10:00:00 UTC", "Created"]])
    return f


def files_2026() -> dict[str, bytes]:
    f: dict[str, bytes] = {}
    f["Profile.csv"] = csv_text(
        ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry", "Zip Code",
         "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
        [[*ME, "", "", "Mar 31", "Sales", "", "IT", "", "", "", "", ""]]).encode()
    f["Positions.csv"] = csv_text(["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
                                  [["Acme Data B.V.", "Head of Sales", "", "", "Jan 2024", ""],
                                   ["Brightline Consulting", "Consultant", "", "", "2014", "Dec 2023"]]).encode()
    f["Connections.csv"] = (NOTES + csv_text(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        [["Pieter", "Jansen", "https://www.linkedin.com/in/pieter-jansen-fictional", "", "Zuiderbank N.V.", "CFO", "16 Dec 2024"],
         ["", "", "", "", "", "", "03 Mar 2025"],
         ["Lotte", "Bakker", "https://www.linkedin.com/in/lotte-bakker-%C5%A1", "", "Hoekstra Bouw", "Planner", "20 Nov 2025"],
         ["Daan", "Koster", "https://www.linkedin.com/in/daan-koster-fictional", "", "Acme Data B.V.", "Engineer", "05 Jan 2026"]])).encode()
    header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE",
              "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS", "IS MESSAGE DRAFT"]
    conv = "2-MjAyNmZha2U="
    f["messages.csv"] = csv_text(header, [
        [conv, "", " ".join(ME), ME_URL, "Joris Visser", "https://www.linkedin.com/in/joris-visser-fictional",
         "2026-02-01 09:00:00 UTC", "", SALES, "INBOX", "", "No"],
        [conv, "", " ".join(ME), ME_URL, "Joris Visser", "https://www.linkedin.com/in/joris-visser-fictional",
         "2026-02-03 09:00:00 UTC", "", "Draft: " + SALES, "INBOX", "", "Yes"],
        ["2-cmVjZWl2ZWQ=", "", "Kees Smit", "https://www.linkedin.com/in/kees-smit-fictional", " ".join(ME), ME_URL,
         "2026-01-05 09:00:00 UTC", "", RECEIVED_SALES, "INBOX", "", "No"],
        ["2-cmVjZWl2ZWQ=", "", " ".join(ME), ME_URL, "Kees Smit", "https://www.linkedin.com/in/kees-smit-fictional",
         "2026-01-05 10:00:00 UTC", "", "No thanks, Kees.", "INBOX", "", "No"],
    ]).encode()
    f["Shares.csv"] = csv_text(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"], [
        ["2025-11-12 02:56:10", "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A333",
         'What a great evening with our clients at the Acme Data summer party!"\n""\n"Thanks to everyone who came.',
         "", "", "MEMBER_NETWORK"],
        ["2025-11-12 02:56:10", "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A333",
         'What a great evening with our clients at the Acme Data summer party!"\n""\n"Thanks to everyone who came.',
         "", "", "MEMBER_NETWORK"],
    ]).encode()
    f["Rich_Media.csv"] = csv_text(["Date/Time", "Media Description", "Media Link"], [
        ["You uploaded a feed photo on November 12, 2025 at 2:56 AM (GMT)",
         'What a great evening with our clients at the Acme Data summer party!"\n""\n"Thanks to everyone who came.',
         "https://media.licdn.com/dms/image/v2/x?e=2147483647"],
        ["You uploaded a profile photo on March 1, 2024 at 9:00 AM (GMT)", " -", "https://media.licdn.com/dms/image/v2/y"],
        ["You uploaded a article cover photo on March 2, 2024 at 9:00 AM (GMT)", "Cover", "https://media.licdn.com/dms/image/v2/z"],
    ]).encode()
    f["Comments.csv"] = csv_text(["Date", "Link", "Message"], [
        ["2025-08-01 10:00:00", "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A10", "Nice work!"]]).encode()
    f["Invitations.csv"] = csv_text(["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"], [
        [" ".join(ME), "Bram Peters", "6/27/26, 7:35 AM",
         "Hi Bram, our CRM platform cuts your sales admin by 20%. Can I send you a quote with a discount?",
         "OUTGOING", ME_URL, "https://www.linkedin.com/in/bram-peters-fictional"],
        ["Kees Smit", " ".join(ME), "6/20/26, 7:35 AM", "Buy my course with discount!", "INCOMING",
         "https://www.linkedin.com/in/kees-smit-fictional", ME_URL]]).encode()
    f["Articles/Articles/2025-04-01 10:00:00.0-my-first-article.html"] = (
        "<html><head><title>Why privacy matters</title></head><body><h1>Why privacy matters</h1>"
        "<p>Created on 2025-04-01 10:00</p><p>Privacy is a habit, not a product.</p></body></html>").encode()
    return f


def write_zip(path: Path, files: dict[str, bytes], *, prefix: str = "") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(prefix + name, data)
    return path


def write_folder(path: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return path


SETTINGS = {
    "language": "en",
    "employer": {"name": "Acme Data B.V.", "official_title": "Account manager", "social_media_policy": True},
    "former_employers": [{"name": "Brightline Consulting", "cleanup_clause": True,
                          "clients": ["Zuiderbank N.V.", "Hoekstra Bouw"]}],
}
