package vn.chibo.system;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns failures into a page in the user's language with the right status. An htmx request gets
 * only the message, retargeted to the page's message area, so that the page around it stays. A
 * request of the JSON API gets the same message as problem details instead.
 */
@ControllerAdvice
@Order(0)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final MessageSource messages;
    private final ApiProblems problems;
    private final DatabaseUnavailableResponse databaseUnavailable;

    ErrorHandling(MessageSource messages, ApiProblems problems, DatabaseUnavailableResponse databaseUnavailable) {
        this.messages = messages;
        this.problems = problems;
        this.databaseUnavailable = databaseUnavailable;
    }

    /**
     * The database cannot be reached: 503 with a minimal page, since the usual error page reads the
     * database. Failures of other kinds whose cause is a lost connection reach {@link #unexpected}
     * and get the same response.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, SQLTransientConnectionException.class })
    ModelAndView databaseUnavailable(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        databaseUnavailable.send(failure, request, response);
        return new ModelAndView();
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domainFailure(DomainException failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        log.info("Request {} {} failed: {} ({})", request.getMethod(), request.getRequestURI(),
                failure.messageKey(), failure.getClass().getSimpleName());
        if (failure instanceof TooManyRequestsException tooMany) {
            // Rounded up, so that a client that waits exactly this long is let through.
            long seconds = tooMany.retryAfter().toSeconds() + (tooMany.retryAfter().toNanosPart() > 0 ? 1 : 0);
            response.setHeader("Retry-After", Long.toString(seconds));
        }
        String text = messages.getMessage(failure.messageKey(), failure.messageArguments(), locale);
        return errorView(failure.status(), failure.problemType(), text, request, response);
    }

    /**
     * A value of the wrong type in the path names nothing ({@code /meetings/abc}), so it is not found.
     * One in the query or a header ({@code ?page=abc}) is a bad request that names what it is.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView argumentMismatch(MethodArgumentTypeMismatchException failure, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        if (failure.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return notFound(failure, request, response, locale);
        }
        log.info("Request {} {} failed: parameter {} is not a valid {}", request.getMethod(), request.getRequestURI(),
                failure.getName(), failure.getRequiredType() == null ? "value"
                        : failure.getRequiredType().getSimpleName());
        String text = messages.getMessage("error.invalidParameter", new Object[] { failure.getName() }, locale);
        return errorView(HttpStatus.BAD_REQUEST, text, request, response);
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
    ModelAndView notFound(Exception failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        String text = messages.getMessage("error.notFound", null, locale);
        return errorView(HttpStatus.NOT_FOUND, text, request, response);
    }

    /**
     * Form values that cannot be bound (a number field holding "abc", a list index out of range) or a
     * body that cannot be read. The values are not logged: they may hold personal data.
     */
    @ExceptionHandler({ BindException.class, InvalidPropertyException.class, TypeMismatchException.class,
            HttpMessageNotReadableException.class, ServletRequestBindingException.class,
            ConversionFailedException.class })
    ModelAndView badRequest(Exception failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        log.info("Request {} {} failed: {}", request.getMethod(), request.getRequestURI(),
                failure.getClass().getSimpleName());
        if (causedBy(failure, RequestBodyTooLarge.class) || causedBy(failure, StreamConstraintsException.class)) {
            return tooLarge(request, response, locale);
        }
        String text = messages.getMessage("error.badRequest", null, locale);
        return errorView(HttpStatus.BAD_REQUEST, text, request, response);
    }

    /**
     * A request that Spring Security's firewall rejects when the handler reads it, such as a parameter
     * name with control characters. The name is not logged: it may hold personal data.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ModelAndView rejected(RequestRejectedException failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        log.info("Request {} {} rejected by the firewall", request.getMethod(), request.getRequestURI());
        String text = messages.getMessage("error.badRequest", null, locale);
        return errorView(HttpStatus.BAD_REQUEST, text, request, response);
    }

    /** An {@code Accept} header that names no type the endpoint produces, or that cannot be parsed. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpMediaTypeNotAcceptableException failure, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        log.info("Request {} {} failed: no acceptable content type", request.getMethod(), request.getRequestURI());
        String text = messages.getMessage("error.notAcceptable", null, locale);
        return errorView(HttpStatus.NOT_ACCEPTABLE, text, request, response);
    }

    private ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String text = messages.getMessage("error.requestTooLarge", null, locale);
        return errorView(HttpStatus.PAYLOAD_TOO_LARGE, text, request, response);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupportedMediaType(HttpMediaTypeNotSupportedException failure, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        log.info("Request {} {} failed: unsupported content type", request.getMethod(), request.getRequestURI());
        String text = messages.getMessage("error.unsupportedMediaType", null, locale);
        return errorView(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text, request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException failure, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        String text = messages.getMessage("error.missingParameter",
                new Object[] { failure.getParameterName() }, locale);
        return errorView(HttpStatus.BAD_REQUEST, text, request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException failure, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        String text = messages.getMessage("error.methodNotAllowed", null, locale);
        return errorView(HttpStatus.METHOD_NOT_ALLOWED, text, request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException failure, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        String text = messages.getMessage("error.uploadTooLarge", null, locale);
        return errorView(HttpStatus.PAYLOAD_TOO_LARGE, text, request, response);
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView badUpload(MultipartException failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        log.info("Upload to {} failed: {}", request.getRequestURI(), failure.getMessage());
        String text = messages.getMessage("error.badUpload", null, locale);
        return errorView(HttpStatus.BAD_REQUEST, text, request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView accessDenied(AccessDeniedException failure, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        String text = messages.getMessage("error.forbidden", null, locale);
        return errorView(HttpStatus.FORBIDDEN, text, request, response);
    }

    /**
     * A client that went away while the answer was being written: a closed tab or a lost phone
     * connection. Nothing can be sent any more, and it is no error of the server.
     */
    @ExceptionHandler({ AsyncRequestNotUsableException.class, IOException.class })
    ModelAndView clientGone(Exception failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) throws IOException {
        if (causedBy(failure, RequestBodyTooLarge.class)) {
            return tooLarge(request, response, locale);
        }
        if (failure instanceof AsyncRequestNotUsableException || isClientAbort(failure)) {
            log.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
            return new ModelAndView();
        }
        return unexpected(failure, request, response, locale);
    }

    private static boolean isClientAbort(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure, HttpServletRequest request, HttpServletResponse response,
            Locale locale) throws IOException {
        if (DatabaseUnavailable.isCause(failure)) {
            return databaseUnavailable(failure, request, response);
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("Request {} {} failed unexpectedly, error id {}", request.getMethod(), request.getRequestURI(),
                errorId, failure);
        if (response.isCommitted()) {
            // Part of the page has been sent: an error page cannot follow it.
            return new ModelAndView();
        }
        String text = messages.getMessage("error.unexpected", new Object[] { errorId }, locale);
        return errorView(HttpStatus.INTERNAL_SERVER_ERROR, text, request, response);
    }

    private ModelAndView errorView(HttpStatus status, String text, HttpServletRequest request,
            HttpServletResponse response) {
        return errorView(status, ApiProblems.DEFAULT_TYPE, text, request, response);
    }

    private ModelAndView errorView(HttpStatus status, String problemType, String text, HttpServletRequest request,
            HttpServletResponse response) {
        if (ApiProblems.isApi(request)) {
            try {
                problems.write(request, response, status, problemType, text);
            }
            catch (IOException failure) {
                log.debug("Client went away before the problem details of {} were written", request.getRequestURI());
            }
            return new ModelAndView();
        }
        ModelAndView view;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "#messages");
            response.setHeader("HX-Reswap", "innerHTML");
            view = new ModelAndView("fragments/messages :: error");
        }
        else {
            view = new ModelAndView("error");
        }
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("errorText", text);
        return view;
    }
}
