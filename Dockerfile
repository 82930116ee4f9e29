# Rapport's server image: built with the Swift toolchain, run on a slim Debian with only the C libraries the
# binary links (libsqlite3, libmariadb, libhiredis) as a user without privileges. Checked by hadolint in Scripts/test; these
# build machines cannot run Docker, so it is not built there.
#   docker build -t rapport .
#   docker run -p 8080:8080 -e HOST=0.0.0.0 -e DATABASE_URL=mysql://… -e JWT_SECRET_KEY=… rapport
FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-dev libmariadb-dev libhiredis-dev pkg-config libssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY Examples ./Examples
COPY Benchmarks ./Benchmarks
RUN swift build -c release --product rapport --static-swift-stdlib \
    && install -D .build/release/rapport /out/rapport

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-0 libmariadb3 libhiredis0.14 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --create-home --home-dir /var/lib/rapport --shell /usr/sbin/nologin rapport
COPY --from=build /out/rapport /usr/local/bin/rapport
USER 10001:10001
WORKDIR /var/lib/rapport
ENV HOST=0.0.0.0 PORT=8080 APP_ENV=production
EXPOSE 8080
# bash (not dash) has /dev/tcp; plain HTTP on PORT (with TLS_CERT_FILE set, probe from outside instead).
HEALTHCHECK --interval=30s --timeout=3s CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /api/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["/usr/local/bin/rapport"]
CMD ["serve"]
