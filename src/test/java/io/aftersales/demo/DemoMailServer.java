package io.aftersales.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo run's in-process SMTP and IMAP server (GreenMail), so the platform sends and receives
 * real mail with no set-up. Off under the {@code postgres} profile, where a real mailbox is
 * configured through {@code spring.mail.*} and {@code aftersales.mail.imap.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftersales.demo.mail-server.enabled", havingValue = "true")
class DemoMailServer {
  private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoGreenMail(@Value("${aftersales.demo.mail-server.smtp-port}") int smtpPort,
      @Value("${aftersales.demo.mail-server.imap-port}") int imapPort,
      @Value("${aftersales.mail.imap.username}") String mailbox,
      @Value("${aftersales.mail.imap.password}") String password) {
    GreenMail greenMail = new GreenMail(new ServerSetup[]{
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    greenMail.setUser(mailbox, mailbox, password);
    log.info("Demo mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}, service mailbox {}", smtpPort, imapPort, mailbox);
    return greenMail;
  }
}
