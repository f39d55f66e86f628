# syntax=docker/dockerfile:1
# Build: the .NET SDK publishes the command-line program (restored from the lock files, as CI does).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ReportEngine.sln ./
# Restored as a layer of its own, from the projects and their lock files alone: it is built again only when packages change.
COPY src/ReportEngine/ReportEngine.csproj src/ReportEngine/packages.lock.json src/ReportEngine/
COPY src/ReportEngine.PostgreSql/ReportEngine.PostgreSql.csproj src/ReportEngine.PostgreSql/packages.lock.json src/ReportEngine.PostgreSql/
COPY src/ReportEngine.Hosting/ReportEngine.Hosting.csproj src/ReportEngine.Hosting/packages.lock.json src/ReportEngine.Hosting/
COPY src/ReportEngine.Service/ReportEngine.Service.csproj src/ReportEngine.Service/packages.lock.json src/ReportEngine.Service/
COPY src/ReportEngine.Cli/ReportEngine.Cli.csproj src/ReportEngine.Cli/packages.lock.json src/ReportEngine.Cli/
RUN dotnet restore src/ReportEngine.Cli/ReportEngine.Cli.csproj -p:RestoreLockedMode=true
COPY src/ src/
RUN dotnet publish src/ReportEngine.Cli/ReportEngine.Cli.csproj -c Release -o /app --nologo --no-restore

# Runtime: Debian 12 with Debian's Chromium (the one ReportEngine is tested with; Microsoft's own .NET 10 images are
# Ubuntu, whose `chromium` is only a stub for a snap, which cannot run in a container), the pack fonts, the archive's
# tools and curl for the health check; then the ASP.NET Core runtime from Microsoft's package repository for Debian 12,
# a combination Microsoft supports.
FROM debian:bookworm-slim AS runtime
# packages (image-rehearsal reads this list)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates tzdata \
      chromium fonts-liberation2 fonts-noto-core fonts-noto-color-emoji ghostscript qpdf curl \
 && curl -fsSL -o /tmp/packages-microsoft-prod.deb https://packages.microsoft.com/config/debian/12/packages-microsoft-prod.deb \
 && dpkg -i /tmp/packages-microsoft-prod.deb && rm /tmp/packages-microsoft-prod.deb \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends aspnetcore-runtime-10.0 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY templates/ templates/
COPY samples/ samples/
COPY appsettings.json ./
RUN useradd --create-home --uid 10001 reportengine \
 && mkdir -p /data/packs /data/archive \
 && chown -R reportengine /data
# Everything the service writes lives under /data: reports, the archive's file store and its signing key.
# Mount a volume there; keep the signing key out of it in production (ReportEngine__Archive__SigningKeyFile and ReportEngine__SignIn__KeyFile, see the README).
VOLUME /data
ENV REPORTENGINE_HOME=/app \
    REPORTENGINE_CHROMIUM=/usr/bin/chromium \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    ASPNETCORE_HTTP_PORTS=8080 \
    ReportEngine__OutputFolder=/data/packs \
    ReportEngine__Archive__Folder=/data/archive
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
