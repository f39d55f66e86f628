namespace ReportEngine.Service.Delivery;

/// <summary>Someone who receives an authority's reports of one kind; <see cref="Attach"/>: the PDF too, not only the link.</summary>
public sealed record Recipient(string Authority, string Kind, string Email, string? Name, bool Attach);
