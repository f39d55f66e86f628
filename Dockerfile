# syntax=docker/dockerfile:1
# Build: the .NET SDK publishes the command-line program.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ReportEngine.sln ./
COPY src/ src/
RUN dotnet publish src/ReportEngine.Cli/ReportEngine.Cli.csproj -c Release -o /app --nologo

# Runtime: ASP.NET Core runtime (for `serve`), Debian's Chromium and the pack fonts.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium fonts-liberation2 fonts-noto-core fonts-noto-color-emoji ghostscript qpdf \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY templates/ templates/
COPY samples/ samples/
ENV REPORTENGINE_HOME=/app \
    REPORTENGINE_CHROMIUM=/usr/bin/chromium \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
RUN useradd --create-home --uid 10001 reportengine
USER reportengine
ENTRYPOINT ["dotnet", "/app/ReportEngine.Cli.dll"]
CMD ["pack", "--period", "2024-01", "--out", "/tmp/out"]
