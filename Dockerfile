# syntax=docker/dockerfile:1
# Build: the .NET SDK publishes the command-line program (restored from the lock files, as CI does).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ReportEngine.sln ./
COPY src/ src/
RUN dotnet publish src/ReportEngine.Cli/ReportEngine.Cli.csproj -c Release -o /app --nologo -p:RestoreLockedMode=true

# Runtime: ASP.NET Core runtime (for `serve`), Debian's Chromium, the pack fonts, the archive's tools, and curl for the
# health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium fonts-liberation2 fonts-noto-core fonts-noto-color-emoji ghostscript qpdf curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY templates/ templates/
COPY samples/ samples/
RUN useradd --create-home --uid 10001 reportengine \
 && mkdir -p /data/packs /data/archive \
 && chown -R reportengine /data
# Everything the service writes lives under /data: reports, the archive's file store and its signing key.
# Mount a volume there; keep the signing key out of it in production (Archive__SigningKeyFile, see the README).
VOLUME /data
ENV REPORTENGINE_HOME=/app \
    REPORTENGINE_CHROMIUM=/usr/bin/chromium \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    ASPNETCORE_HTTP_PORTS=8080 \
    ReportEngine__OutputFolder=/data/packs \
    Archive__Folder=/data/archive
EXPOSE 8080
USER reportengine
# Ready means: the database answers, the browser starts, the output folder is writable and this process's job server beats.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl --fail --silent --show-error "http://127.0.0.1:${ASPNETCORE_HTTP_PORTS}/health/ready" || exit 1
# SIGTERM stops taking jobs and lets running ones finish for ReportEngine__ShutdownTimeout (60 s) plus 30 s to close;
# give the container that long: `docker stop --time 90`, or stop_grace_period: 90s in compose.yaml.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/ReportEngine.Cli.dll"]
CMD ["serve"]
