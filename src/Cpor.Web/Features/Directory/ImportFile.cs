namespace Cpor.Web.Features.Directory;

/// <summary>An uploaded import file: the name it was sent with, the form field it came in, and how to read it.</summary>
public sealed record ImportFile(string FileName, string? FieldName, Func<Stream> Open);
