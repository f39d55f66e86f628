namespace ReportEngine.Service; internal static class Placeholder {}
