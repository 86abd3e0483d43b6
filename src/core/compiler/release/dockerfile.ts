import { withHeader } from '../../util/file-header.ts';
import { DEFAULT_RESULTS_ENV_VAR } from '../names.ts';

/** `Dockerfile` and `.dockerignore` (wt-compiler §5.5): pixi in three stages on minideb, served by wt-runner. */

export interface DockerfileOptions {
  releaseName: string;
  /** PIXI_VERSION to install; wt-compiler takes it from its environment, default `latest`. */
  pixiVersion?: string;
  /** The spec uses local `file://` channels, whose artifacts the build copies in from `.tmp`. */
  localChannels: boolean;
  /** `--results-env-var`: the variable wt-runner sets to the results URL when it invokes the CLI; default `WT_RESULTS`. */
  resultsEnvVar?: string;
}

/** The Dockerfile text. */
export function dockerfile(o: DockerfileOptions): string {
  const local = o.localChannels
    ? `# Local release artifacts (file:// channels) are copied into the build context at .tmp
# by the docker-build task; pixi needs them at the same absolute path, /tmp.
COPY .tmp /tmp
RUN rm -rf .tmp
`
    : '';
  return withHeader(`FROM bitnami/minideb:bullseye AS fetch
RUN apt-get update && apt-get install -y curl ca-certificates
RUN curl -fsSL https://pixi.sh/install.sh | PIXI_VERSION=${o.pixiVersion ?? 'latest'} bash

FROM bitnami/minideb:bullseye AS install
COPY --from=fetch /root/.pixi /root/.pixi
COPY --from=fetch /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV PATH="/root/.pixi/bin:$PATH"
${local}WORKDIR /app
COPY . .
RUN pixi install -e default -e runner --locked

FROM install AS app
ENV PORT=8080
ENV CONCURRENCY=1
ENV UVICORN_TIMEOUT=600
CMD WT_INVOKERS__RESULTS_ENV_VAR=${o.resultsEnvVar ?? DEFAULT_RESULTS_ENV_VAR} \\
    ECOSCOPE_WORKFLOWS_MATCHSPEC_OVERRIDE=${o.releaseName} \\
    pixi run -e runner \\
    uvicorn --host 0.0.0.0 --port $PORT --workers $CONCURRENCY --timeout-graceful-shutdown $UVICORN_TIMEOUT wt_runner.app:app
`);
}

/** The .dockerignore text. */
export function dockerignore(): string {
  return withHeader('.pixi/\n*.egg-info/\n');
}
