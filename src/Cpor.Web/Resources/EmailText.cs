namespace Cpor.Web.Resources;

/// <summary>Marker of EmailText.resx: subjects and sentences of the notification e-mails (CPOR.md §8).</summary>
public sealed class EmailText;
