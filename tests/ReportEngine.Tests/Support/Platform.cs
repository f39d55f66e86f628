// The tests drive Debian's Chromium, PostgreSQL and poppler: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
