// Shapes of the Coach HTTP API, named from the generated description (src/api/schema.d.ts).
import type { components } from './schema';

export type Schemas = components['schemas'];
export type Role = Schemas['Role'];
export type UserStatus = Schemas['UserStatus'];
export type User = Schemas['User'];
export type UserPage = Schemas['UserPage'];
export type LoginResponse = Schemas['LoginResponse'];
// Imports
export type ImportType = Schemas['ImportType'];
export type ImportStatus = Schemas['ImportStatus'];
export type ImportLog = Schemas['Import'];
export type ImportSummary = Schemas['ImportSummary'];
export type ImportPage = Schemas['ImportPage'];
export type ImportErrorRow = Schemas['ImportError'];
export type ImportWarning = Schemas['ImportWarning'];
// Jobs
export type Job = Schemas['Job'];
export type JobRun = Schemas['JobRun'];
export type JobRunStatus = Schemas['JobRunStatus'];
export type JobPage = Schemas['JobPage'];
// Teams and correlations (manager home)
export type DashboardHome = Schemas['DashboardHome'];
export type DashboardManagerHome = Schemas['DashboardManagerHome'];
export type DashboardManagerTeam = Schemas['DashboardManagerTeam'];
export type DashboardTeamAverages = Schemas['DashboardTeamAverages'];
export type TeamDashboard = Schemas['TeamDashboard'];
export type DashboardCard = Schemas['DashboardCard'];
export type DashboardPerformanceLevel = Schemas['DashboardPerformanceLevel'];
export type DashboardMetricTrend = Schemas['DashboardMetricTrend'];
export type CorrelationMatrix = Schemas['CorrelationMatrix'];
export type CorrelationPair = Schemas['CorrelationPair'];
export type CorrelatedMetric = Schemas['CorrelatedMetric'];
// Priority queue and agent page
export type DashboardTeamLeaderHome = Schemas['DashboardTeamLeaderHome'];
export type DashboardUrgencyReason = Schemas['DashboardUrgencyReason'];
export type DashboardScorecard = Schemas['DashboardScorecard'];
export type DashboardDayFigures = Schemas['DashboardDayFigures'];
export type DashboardAverages = Schemas['DashboardAverages'];
export type DashboardTrends = Schemas['DashboardTrends'];
export type DashboardPercentileRanking = Schemas['DashboardPercentileRanking'];
export type AgentOverview = Schemas['AgentOverview'];
export type TeamDailyAverages = Schemas['TeamDailyAverages'];
export type TeamDayAverages = Schemas['TeamDayAverages'];
export type HistoryRow = Schemas['HistoryRow'];
export type HistoryPage = Schemas['HistoryPage'];
export type HistoryEvent = Schemas['HistoryEvent'];
export type PerformanceMetric = Schemas['PerformanceMetric'];
export type MetricsPage = Schemas['MetricsPage'];
// People administration, audit log, settings
export type UserCreate = Schemas['UserCreate'];
export type UserPatch = Schemas['UserPatch'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type Settings = Schemas['Settings'];
export type SettingsPatch = Schemas['SettingsPatch'];
export type DashboardAdminHome = Schemas['DashboardAdminHome'];
export type TeamPerformanceSummaryRow = Schemas['TeamPerformanceSummaryRow'];
// Coaching sessions and notifications
export type CoachingSession = Schemas['CoachingSession'];
export type CoachingSessionPage = Schemas['CoachingSessionPage'];
export type CoachingSessionCreate = Schemas['CoachingSessionCreate'];
export type CoachingSessionPatch = Schemas['CoachingSessionPatch'];
export type CoachingSessionCompletion = Schemas['CoachingSessionCompletion'];
export type ActionItemDraft = Schemas['ActionItemDraft'];
export type SessionStatus = Schemas['SessionStatus'];
export type SessionType = Schemas['SessionType'];
export type SessionAcknowledgement = Schemas['Acknowledgement'];
export type SessionPrep = Schemas['SessionPrep'];
export type PrepArea = Schemas['PrepArea'];
export type AppNotification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
// Quick notes
export type QuickNote = Schemas['QuickNote'];
export type QuickNotePage = Schemas['QuickNotePage'];
export type QuickNoteCreate = Schemas['QuickNoteCreate'];
export type QuickNoteAddressing = Schemas['QuickNoteAddressing'];
export type NoteType = Schemas['NoteType'];
export type NotePriority = Schemas['Priority'];
