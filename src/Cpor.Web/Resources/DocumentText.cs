namespace Cpor.Web.Resources;

/// <summary>Marker of DocumentText.resx: the texts of generated documents (the PoE template).</summary>
public sealed class DocumentText;
