namespace ReportEngine.Archive;

/// <summary>
/// How a part of the archive holds its objects. Writers share them: from before a write's pending marker until its
/// record is committed or given up, an object it found already stored must stay. Removing objects that no record holds
/// (recovery after a failed write, retention, a PDF/A copy that lost a race) waits until no write is in progress
/// anywhere the objects are shared, and no write starts until it ends.
/// </summary>
public enum ObjectsAccess
{
    Writing,
    Removing,
}
