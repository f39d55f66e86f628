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

# The ASP.NET Core runtime, taken from Microsoft's image. Since .NET 10 that image is Ubuntu, whose `chromium` package is
# only a stub for a snap (no snap runs in a container); the runtime is a portable build, so it is copied onto Debian 12,
# where Debian's own Chromium, the one ReportEngine is tested with, is an ordinary package.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

# Runtime: Debian 12, the runtime's own libraries, Debian's Chromium, the pack fonts, the archive's tools, and curl for
# the health check.
FROM debian:bookworm-slim AS runtime
# packages (image-rehearsal reads this list)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata \
      chromium fonts-liberation2 fonts-noto-core fonts-noto-color-emoji ghostscript qpdf curl \
 && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
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
