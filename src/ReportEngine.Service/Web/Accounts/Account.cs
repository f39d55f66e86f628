namespace ReportEngine.Service.Web.Accounts;

/// <summary>A person who may sign in: their role and the authorities granted to them (<c>*</c> for every one).</summary>
public sealed record Account(long Id, string Email, string Name, Role Role, bool Disabled, IReadOnlyList<string> Authorities)
{
    public const string EveryAuthority = "*";

    /// <summary>The generation a session must carry to be accepted; moved on by signing out, a new password and disabling.</summary>
    public long SessionGeneration { get; init; } = 1;

    /// <summary>Whether the person may see an authority's reports; one they may not see is answered as if it did not exist.</summary>
    public bool MaySee(string authority) =>
        Role == Role.Admin || Authorities.Contains(EveryAuthority) || Authorities.Contains(authority, StringComparer.Ordinal);

    public bool MayRequest(string authority) => Role >= Role.Requester && MaySee(authority);

    /// <summary>Their password was set by an Admin: until they choose their own, every page asks them to (web.md version 2).</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>The authorities whose dataset the person may upload (web.md version 2), given by an Admin one by one.</summary>
    public IReadOnlyList<string> Uploads { get; init; } = [];

    /// <summary>Admins upload any authority's dataset; a Requester or Approver only one they were given the right for.</summary>
    public bool MayUpload(string authority) =>
        Role == Role.Admin || (Role >= Role.Requester && Uploads.Contains(authority, StringComparer.Ordinal) && MaySee(authority));

    /// <summary>How the audit log names the person.</summary>
    public string Actor => $"person:{Email}";
}
