"""Certificate pages: a decision's certificates and print batches, reprints, layouts."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView, View

from core.http import open_stored
from core.views import ObjectPermissionMixin, refusal_as_message, refusal_onto
from evaluations.certificates import selectors, services
from evaluations.certificates.forms import ReprintForm

REFRESH_SECONDS = 2  # a batch's page reloads itself this often while the batch runs


def pdf_response(content: bytes, filename: str, *, inline=False) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class DecisionCertificatesView(ObjectPermissionMixin, TemplateView):
    """A decision's awards with their register numbers, its batches, and the print button."""

    template_name = "evaluations/certificates/decision.html"
    permission_required = "evaluations.view_decision_certificates"

    def get_queryset(self):
        return selectors.decisions_with_certificates()

    def get_context_data(self, **kwargs):
        decision = self.object
        return super().get_context_data(
            **kwargs,
            decision=decision,
            awards=list(selectors.decision_awards(decision)),
            batches=list(selectors.decision_batches(decision)[:10]),
        )

    def post(self, request, *args, **kwargs):
        self.require("evaluations.print_decision_certificates")
        with refusal_as_message(request):
            batch = services.certificate_batch_start(decision=self.object, actor=request.user)
            return redirect("evaluations:certificate_batch", batch.pk)
        return redirect("evaluations:decision_certificates", self.object.pk)


class CertificateBatchView(ObjectPermissionMixin, TemplateView):
    """A batch's progress (the page reloads itself until it is done) and its download."""

    template_name = "evaluations/certificates/batch.html"
    permission_required = "evaluations.view_certificatebatch"

    def get_queryset(self):
        return selectors.batches()

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, batch=self.object, decision=self.object.decision)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.object.is_pending:
            # An HTTP refresh: works without JavaScript and needs no inline script.
            response["Refresh"] = str(REFRESH_SECONDS)
        return response


class CertificateBatchDownloadView(ObjectPermissionMixin, View):
    permission_required = "evaluations.view_certificatebatch"

    def get_queryset(self):
        return selectors.batches()

    def get(self, request, *args, **kwargs):
        batch = self.object
        if not batch.is_ready:
            raise Http404
        response = FileResponse(
            open_stored(batch.file),
            as_attachment=True,
            filename=f"bang-khen-{batch.decision.full_number.replace('/', '-')}.pdf",
            content_type="application/pdf",
        )
        response["Cache-Control"] = "private, no-store"
        return response


class CertificateReprintView(ObjectPermissionMixin, FormView):
    """Print one certificate again, with a reason; its register number stays."""

    template_name = "evaluations/certificates/reprint.html"
    form_class = ReprintForm
    permission_required = "evaluations.reprint_certificate"

    def get_queryset(self):
        return selectors.certificates()

    def get_context_data(self, **kwargs):
        certificate = self.object
        return super().get_context_data(
            **kwargs,
            certificate=certificate,
            record=certificate.award_record,
            decision=certificate.award_record.decision,
            reprints=list(selectors.certificate_reprints(certificate)),
        )

    def form_valid(self, form):
        with refusal_onto(form, "reason"):
            content = services.certificate_reprint(
                certificate=self.object, actor=self.request.user, reason=form.cleaned_data["reason"]
            )
            return pdf_response(content, f"bang-khen-so-{self.object.register_number}.pdf")
        return self.form_invalid(form)


class CertificateLayoutListView(ObjectPermissionMixin, TemplateView):
    """The layouts of every authority, with their calibration pages (edited in the admin)."""

    template_name = "evaluations/certificates/layouts.html"
    permission_required = "evaluations.view_certificatelayout"

    def get_object(self):
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, layouts=list(selectors.layouts()))


class CertificateLayoutCalibrationView(ObjectPermissionMixin, View):
    permission_required = "evaluations.view_certificatelayout"

    def get_queryset(self):
        return selectors.layouts()

    def get(self, request, *args, **kwargs):
        content = services.layout_calibration_pdf(layout=self.object)
        return pdf_response(content, f"can-chinh-{self.object.pk}.pdf", inline=True)
