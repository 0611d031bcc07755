using System.Net;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Operations;

/// <summary>The product with one route that fails unexpectedly, as a bug would.</summary>
public sealed class FailingAppFactory : CporAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, FailingRoute>());
    }

    /// <summary>Runs after the product's pipeline: reached by paths no endpoint matched, inside the exception handler.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(http => http.Request.Path.Value?.EndsWith("/boom", StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("secret internal detail")
                : Task.CompletedTask);
        };
    }
}

public class ErrorPageTests(FailingAppFactory app) : IClassFixture<FailingAppFactory>
{
    [Theory]
    [InlineData("fr", "Une erreur s’est produite")]
    [InlineData("it", "Si è verificato un errore")]
    public async Task AnUnexpectedErrorOnAPage_ShowsTheLocalizedStatusPage_WithoutDetails(string language, string title)
    {
        var browser = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Partner/boom");
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(title, html);
        Assert.DoesNotContain("secret internal detail", html);
    }

    [Fact]
    public async Task AnUnexpectedErrorOnTheApi_IsAProblemWithATraceId()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/boom");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.InternalServerError, "internal_error");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("secret internal detail", problem.ToString());
    }

    [Fact]
    public async Task AnUnexpectedErrorOnTheApi_CarriesTheCallersW3CTraceId_AsTheLogsDo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/boom");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        var response = await app.CreateClient().SendAsync(request);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.InternalServerError, "internal_error");
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", problem.GetProperty("traceId").GetString());
    }
}
