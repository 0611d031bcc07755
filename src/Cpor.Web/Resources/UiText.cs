namespace Cpor.Web.Resources;

/// <summary>Marker of UiText.resx: every string of the web UI, and display names of statuses, reasons, roles and activities.</summary>
public sealed class UiText;
