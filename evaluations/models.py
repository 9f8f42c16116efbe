"""The models of `evaluations` live in its sub-packages; Django collects them from here."""

from evaluations.awards.models import AwardRecord, BaseSalary
from evaluations.ballots.models import Ballot, BallotCandidate, BallotQuestion, BallotVoter
from evaluations.certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateLayout,
    CertificateReprint,
    LayoutField,
    RegisterCounter,
)
from evaluations.decisions.models import (
    AwardDecision,
    DecisionEvent,
    DecisionLine,
    DecisionTemplate,
    IssuingAuthority,
)
from evaluations.proposals.models import (
    AwardProposal,
    NomineeList,
    ProposalEvent,
    ProposalFile,
)
from evaluations.results.models import (
    CrossAssignment,
    CrossScore,
    Evidence,
    Extension,
    ExtensionRequest,
    RankingEntry,
    RankingPublication,
    Score,
    Submission,
    SubmissionEvent,
)
from evaluations.statistics.models import EmulationOfficer

__all__ = [
    "AwardDecision",
    "AwardProposal",
    "AwardRecord",
    "Ballot",
    "BallotCandidate",
    "BallotQuestion",
    "BallotVoter",
    "BaseSalary",
    "Certificate",
    "CertificateBatch",
    "CertificateLayout",
    "CertificateReprint",
    "CrossAssignment",
    "CrossScore",
    "DecisionEvent",
    "DecisionLine",
    "DecisionTemplate",
    "EmulationOfficer",
    "Evidence",
    "Extension",
    "ExtensionRequest",
    "IssuingAuthority",
    "LayoutField",
    "NomineeList",
    "ProposalEvent",
    "ProposalFile",
    "RankingEntry",
    "RankingPublication",
    "RegisterCounter",
    "Score",
    "Submission",
    "SubmissionEvent",
]
