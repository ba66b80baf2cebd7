{{/*
Chart name, overridable with nameOverride.
*/}}
{{- define "baton.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's resources: "<release>-baton", or the release name
alone when it already contains the chart name. Kubernetes names are at most 63
characters.
*/}}
{{- define "baton.fullname" -}}
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

{{/*
Name of the Service in front of the actuator (health, metrics).
*/}}
{{- define "baton.managementServiceName" -}}
{{- printf "%s-management" (include "baton.fullname" . | trunc 52 | trimSuffix "-") }}
{{- end }}

{{/*
"chart-version" for the helm.sh/chart label.
*/}}
{{- define "baton.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels every resource carries.
*/}}
{{- define "baton.labels" -}}
helm.sh/chart: {{ include "baton.chart" . }}
{{ include "baton.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: baton
{{- end }}

{{/*
Labels that select the pods. They never change after the first install
(a Deployment's selector is immutable), so the role is not among them.
*/}}
{{- define "baton.selectorLabels" -}}
app.kubernetes.io/name: {{ include "baton.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
ServiceAccount the pods run as.
*/}}
{{- define "baton.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "baton.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Secret holding the database password, the encryption key and the login app
secret: the user's existingSecret or the chart's own.
*/}}
{{- define "baton.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else }}
{{- include "baton.fullname" . }}
{{- end }}
{{- end }}

{{/*
Image reference: repository@digest, or repository:tag (tag defaulting to the
chart's appVersion).
*/}}
{{- define "baton.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (toString (default .Chart.AppVersion .Values.image.tag)) }}
{{- end }}
{{- end }}

{{/*
"true" when the actuator listens on its own port, empty otherwise.
*/}}
{{- define "baton.managementSeparate" -}}
{{- if ne (int .Values.managementPort) 8080 }}true{{ end }}
{{- end }}

{{/*
Name of the container port that serves the actuator.
*/}}
{{- define "baton.managementPortName" -}}
{{- if include "baton.managementSeparate" . }}management{{ else }}http{{ end }}
{{- end }}

{{/*
publicUrl without a trailing slash.
*/}}
{{- define "baton.publicUrl" -}}
{{- .Values.publicUrl | toString | trimSuffix "/" }}
{{- end }}

{{/*
The login app id as written, also when it was left unquoted in a values file
(YAML numbers reach templates as floats and would print as 1e+15).
*/}}
{{- define "baton.loginClientId" -}}
{{- $id := .Values.login.clientId }}
{{- if kindIs "float64" $id }}
{{- printf "%.0f" $id }}
{{- else }}
{{- toString $id }}
{{- end }}
{{- end }}

{{/*
Refuse values that would start Baton wrongly, with a message saying what to set.
Production (sandbox off) must name a real login app and bring its own
encryption key: Baton's built-in defaults are for the offline demo only.
*/}}
{{- define "baton.validate" -}}
{{- if not (has (toString .Values.role) (list "all" "web" "ingress" "worker")) }}
{{- fail (printf "role must be one of all, web, ingress, worker (got %q)" (toString .Values.role)) }}
{{- end }}
{{- if not .Values.publicUrl }}
{{- fail "publicUrl is required: the address people and Facebook reach Baton at, e.g. https://baton.example.com" }}
{{- end }}
{{- if not (regexMatch "^https?://[^/]+" (toString .Values.publicUrl)) }}
{{- fail (printf "publicUrl must be an absolute http(s) URL (got %q)" (toString .Values.publicUrl)) }}
{{- end }}
{{- if eq (toString .Values.database.username) "postgres" }}
{{- fail "database.username must not be postgres (a superuser that bypasses row-level security): create a NOSUPERUSER NOBYPASSRLS login role (docs/operations.md, Database requirements)" }}
{{- end }}
{{- if not .Values.database.host }}
{{- fail "database.host is required: the host name of Baton's PostgreSQL" }}
{{- end }}
{{- $port := int .Values.managementPort }}
{{- if or (lt $port 1) (gt $port 65535) }}
{{- fail "managementPort must be a TCP port (8080 to serve the actuator on the application port)" }}
{{- end }}
{{- if and .Values.serviceMonitor.enabled (not (include "baton.managementSeparate" .)) }}
{{- fail "serviceMonitor.enabled needs managementPort other than 8080: Baton serves metrics on the management port only" }}
{{- end }}
{{- if not .Values.sandbox.enabled }}
{{- if not .Values.login.clientId }}
{{- fail "login.clientId is required when sandbox.enabled is false: the app id of Baton's Facebook Login app" }}
{{- end }}
{{- if not .Values.existingSecret }}
{{- if not .Values.encryptionKey }}
{{- fail "encryptionKey is required when sandbox.enabled is false (or put it in existingSecret): generate one with `openssl rand -base64 32`" }}
{{- end }}
{{- if ne (len (b64dec (toString .Values.encryptionKey))) 32 }}
{{- fail "encryptionKey must be the base64 of 32 bytes: generate one with `openssl rand -base64 32`" }}
{{- end }}
{{- if eq (toString .Values.encryptionKey) "ZGVtby1rZXktZm9yLWxvY2FsLXNhbmRib3gtb25seSE=" }}
{{- fail "encryptionKey is the sandbox demo key; generate a real one with `openssl rand -base64 32`" }}
{{- end }}
{{- if not .Values.login.clientSecret }}
{{- fail "login.clientSecret is required when sandbox.enabled is false (or put it in existingSecret)" }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
