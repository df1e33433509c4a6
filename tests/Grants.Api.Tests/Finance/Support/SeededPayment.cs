using Grants.Domain;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Api.Tests.Finance.Support;

/// <summary>One instructed tranche of the seeded history, as the bank should pay it.</summary>
internal sealed record SeededPayment(ApplicationId Application, string Reference, string Bureau, string Payee, string Account, Money Amount)
{
    public string ClawbackReference => $"{Application.Value}-C1";
}
