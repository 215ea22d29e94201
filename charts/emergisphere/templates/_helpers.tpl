{{/*
Names. The release's resources are <fullname>-<service>; with the release named
"emergisphere" that is emergisphere-triage and so on.
*/}}
{{- define "emergisphere.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "emergisphere.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of one service's resources. Call with (dict "root" $ "name" "triage"). */}}
{{- define "emergisphere.component" -}}
{{- printf "%s-%s" (include "emergisphere.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "emergisphere.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every resource of the release. */}}
{{- define "emergisphere.labels" -}}
helm.sh/chart: {{ include "emergisphere.chart" . }}
app.kubernetes.io/name: {{ include "emergisphere.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: emergisphere
{{- end }}

{{/* Selects every pod of the release (NetworkPolicy, ServiceMonitor). */}}
{{- define "emergisphere.releaseSelector" -}}
app.kubernetes.io/name: {{ include "emergisphere.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Selects one service's pods. Call with (dict "root" $ "name" "triage"). */}}
{{- define "emergisphere.selectorLabels" -}}
{{ include "emergisphere.releaseSelector" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* All labels of one service's resources. Call with (dict "root" $ "name" "triage"). */}}
{{- define "emergisphere.componentLabels" -}}
{{ include "emergisphere.labels" .root }}
app.kubernetes.io/component: {{ .name }}
app: {{ .name }}
{{- end }}

{{/* True (non-empty) when the service is an agent: a consumer of es.<name>.commands. */}}
{{- define "emergisphere.isAgent" -}}
{{- if not (has . (list "gateway" "orchestrator")) }}true{{ end }}
{{- end }}

{{/* A service's image. Call with (dict "root" $ "name" "triage" "svc" $svc). */}}
{{- define "emergisphere.image" -}}
{{- $repository := .svc.image.repository | default (printf "%s/%s" .root.Values.image.registry .name) }}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}

{{/* The Secret holding the connection URLs and keys. */}}
{{- define "emergisphere.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "emergisphere.fullname" .) }}
{{- end }}

{{- define "emergisphere.serviceAccountName" -}}
{{- if .root.Values.serviceAccount.create }}
{{- include "emergisphere.component" . }}
{{- else }}
{{- "default" }}
{{- end }}
{{- end }}

{{/* The platform's topics, unprefixed: what `emergisphere topics ensure` creates. */}}
{{- define "emergisphere.topics" -}}
{{- $base := list }}
{{- range $name := list "triage" "admission" "legal" "records" "device" "billing" "communication" "scheduling" }}
{{- $base = append $base (printf "es.%s.commands" $name) }}
{{- end }}
{{- $base = concat $base (list "es.orchestrator.commands" "es.orchestrator.results" "es.workflow.events" "es.fhir.inbound") }}
{{- $all := $base }}
{{- range $topic := $base }}
{{- $all = append $all (printf "%s.dlq" $topic) }}
{{- end }}
{{- toJson $all }}
{{- end }}

{{/*
ES_* settings for every process, the Jobs included (they run before the ConfigMap exists,
so they get these inline rather than through it).
*/}}
{{- define "emergisphere.sharedEnv" -}}
ES_ENVIRONMENT: {{ .Values.config.environment | quote }}
ES_LOG_LEVEL: {{ .Values.config.logLevel | quote }}
ES_KAFKA_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
ES_KAFKA_TOPIC_PREFIX: {{ .Values.kafka.topicPrefix | quote }}
ES_KAFKA_PARTITIONS: {{ .Values.kafka.partitions | quote }}
ES_KAFKA_REPLICATION_FACTOR: {{ .Values.kafka.replicationFactor | quote }}
ES_MIGRATE_ON_START: "false"
ES_OTLP_ENDPOINT: {{ .Values.config.otlpEndpoint | quote }}
ES_TRACE_SAMPLE_RATIO: {{ .Values.config.traceSampleRatio | quote }}
ES_HTTP_HOST: "0.0.0.0"
ES_HTTP_PORT: "8000"
ES_DATA_DIR: /tmp/emergisphere
{{- range $key, $value := .Values.config.extra }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* The pod-level fields every pod of the release shares. */}}
{{- define "emergisphere.podCommon" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The writable /tmp every container needs (its root filesystem is read-only). */}}
{{- define "emergisphere.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpVolume.sizeLimit }}
{{- end }}

{{/* A Kubernetes-safe name from a file or topic name. */}}
{{- define "emergisphere.dnsName" -}}
{{- regexReplaceAll "[^a-z0-9.-]+" (lower .) "-" | trunc 63 | trimSuffix "-" | trimSuffix "." }}
{{- end }}
