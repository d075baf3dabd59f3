/* research_stub.c - temporary: commands not written yet */
#include "research.h"
int research_themes_run(struct search_engine *eng, const struct research_themes_req *req,
			struct research_themes *out, struct cm_err *err)
{ (void)eng; (void)req; (void)out; return cm_err_set(err, CM_EUNSUPPORTED, "not yet"); }
void research_themes_release(struct research_themes *t) { (void)t; }
void research_themes_write(const struct research_themes *t, enum out_format format, bool pretty,
			   struct sbuf *out) { (void)t; (void)format; (void)pretty; (void)out; }
int research_related_run(struct search_engine *eng, const struct research_related_req *req,
			 struct research_themes *out, struct cm_err *err)
{ (void)eng; (void)req; (void)out; return cm_err_set(err, CM_EUNSUPPORTED, "not yet"); }
void research_related_write(const struct research_themes *t, enum out_format format, bool pretty,
			    struct sbuf *out) { (void)t; (void)format; (void)pretty; (void)out; }
