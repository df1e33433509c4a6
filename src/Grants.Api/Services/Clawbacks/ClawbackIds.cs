using System.Globalization;
using System.Text.RegularExpressions;
using Grants.Api.Errors;
using Grants.Domain;

namespace Grants.Api.Services.Clawbacks;

/// <summary>Clawback ids are "{application}-C{n}": unique across applications (the contract's ids are global, the
/// domain's are per application), and they name the stream a recovery goes to.</summary>
public static partial class ClawbackIds
{
    public static ClawbackId Next(ApplicationId application, int existing) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{application.Value}-C{existing + 1}"));

    /// <summary>NOT_FOUND for an id the server cannot have handed out.</summary>
    public static (ApplicationId Application, ClawbackId Clawback) Parse(string id) =>
        Pattern().Match(id) is { Success: true } match
            ? (new ApplicationId(match.Groups["application"].Value), new ClawbackId(id))
            : throw ApiError.NotFound("clawback", id).ToRpcException();

    [GeneratedRegex(@"^(?<application>[A-Z]{2,4}-[0-9]{4}-[0-9]{6})-C[1-9][0-9]{0,5}$")]
    private static partial Regex Pattern();
}
